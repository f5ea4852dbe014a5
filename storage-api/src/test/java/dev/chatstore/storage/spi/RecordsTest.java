package dev.chatstore.storage.spi;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordsTest {
    @Test
    void csidIsTheOriginalsSha512() {
        // sha512("-100:None_1:2-p"), computed with Python's hashlib
        SummarizationKey key = new SummarizationKey(-100, null, "1", "2", "p");
        assertThat(key.csid()).isEqualTo("16e428cc4ca52dea3a497de53255e37ef4dbbc7168bfab0a1523813a049f76b3bbc2bb0a7d3bdb7c320581c698e1b6b333923b4bc6170e740e512f81baeed370");
        assertThat(key.csid()).isNotEqualTo(new SummarizationKey(-100, 0L, "1", "2", "p").csid());
    }

    @Test
    void messageDatesAreCutToSecondsAndRequiredFieldsChecked() {
        ChatMessage message = ChatMessage.builder(1, "m", 2, Instant.parse("2024-01-01T10:00:00.789Z")).build();
        assertThat(message.date()).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
        assertThat(message.username()).isEmpty();
        assertThatThrownBy(() -> ChatMessage.builder(1, null, 2, Instant.now()).build())
                .isInstanceOf(NullPointerException.class).hasMessage("messageId is null");
    }

    @Test
    void queryCopiesCategoriesAndChecksLimit() {
        Set<MessageCategory> categories = new HashSet<>(EnumSet.of(MessageCategory.USER));
        MessageQuery query = MessageQuery.all().withCategories(categories);
        categories.add(MessageCategory.BOT);
        assertThat(query.categories()).containsExactly(MessageCategory.USER);
        assertThatThrownBy(() -> MessageQuery.latest(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storedValuesRoundTrip() {
        for (MessageCategory category : MessageCategory.values()) {
            assertThat(MessageCategory.fromValue(category.value())).isEqualTo(category);
        }
        assertThat(MessageType.fromValue("video-note")).isEqualTo(MessageType.VIDEO_NOTE);
        assertThat(CacheType.GEOCODE_MAPS_LOOKUP.tableName()).isEqualTo("cache_geocode_maps_lookup");
        assertThatThrownBy(() -> ChatType.fromValue("Group")).hasMessageContaining("expected one of");
    }
}
