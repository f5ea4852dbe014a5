package dev.chatstore.host;

import dev.chatstore.storage.routing.RouteDecision;
import dev.chatstore.storage.routing.RouteReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouteViewTest {
    @Test
    void aMappedChatWithoutWrite() {
        RouteView view = RouteView.of(-100123, new RouteDecision("archive", RouteReason.MAPPING, true), false);

        assertThat(view.format()).isEqualTo("chat -100123 -> source 'archive' (chatMapping), readonly\n");
        assertThat(Json.write(view)).doesNotContain("writeAllowed").doesNotContain("refusal");
    }

    @Test
    void aWriteToAReadonlySourcePrintsTheGuardsRefusal() {
        RouteView view = RouteView.of(-100123, new RouteDecision("archive", RouteReason.MAPPING, true), true);

        assertThat(view.writeAllowed()).isFalse();
        assertThat(view.format()).contains("write: refused: Cannot perform write operation on readonly source "
                + "'archive'. This source is configured as readonly.");
    }

    @Test
    void aWriteToAWritableSourceIsAllowed() {
        RouteView view = RouteView.of(42, new RouteDecision("primary", RouteReason.DEFAULT, false), true);

        assertThat(view.format()).isEqualTo("""
                chat 42 -> source 'primary' (default source, no mapping), writable
                write: allowed
                """);
        assertThat(view.refusal()).isNull();
    }

    @Test
    void explicitReasonInJson() {
        RouteView view = RouteView.of(42, new RouteDecision("testing", RouteReason.EXPLICIT, false), false);

        assertThat(Json.write(view)).contains("\"reason\" : \"explicit\"").contains("\"source\" : \"testing\"");
    }
}
