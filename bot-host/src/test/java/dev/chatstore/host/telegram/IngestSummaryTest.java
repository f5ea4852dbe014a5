package dev.chatstore.host.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IngestSummaryTest {
    private static IngestSummary summary() {
        Map<String, IngestSummary.SourceCounts> sources = new LinkedHashMap<>();
        sources.put("main", new IngestSummary.SourceCounts(50, 2, 5, 0, 1));
        sources.put("archive", new IngestSummary.SourceCounts(0, 0, 0, 9, 0));
        return new IngestSummary(70, 68, 50, 2, 5, 1, 2, 9, 1, 20, 9, 14, sources);
    }

    @Test
    void formatsTotalsAndOneRowPerSource() {
        assertThat(summary().format()).isEqualTo(String.join(System.lineSeparator(),
                "Read 70 lines: 68 updates (1 ignored), 2 malformed",
                "Messages: 50 stored, 2 duplicates, 5 edited (kept first version), 9 refused, 1 failed",
                "Media records stored: 20; chats: 9; users: 14",
                "source     stored  duplicates  edited  refused  failed",
                "main           50           2       5        0       1",
                "archive         0           0       0        9       0",
                ""));
    }

    @Test
    void serialisesAsJsonWithSourcesInOrder() throws Exception {
        ObjectMapper json = new ObjectMapper();

        JsonNode tree = json.readTree(json.writeValueAsString(summary()));

        assertThat(tree.get("messagesStored").asLong()).isEqualTo(50);
        assertThat(tree.get("edited").asLong()).isEqualTo(5);
        assertThat(tree.get("sources").fieldNames()).toIterable().containsExactly("main", "archive");
        assertThat(tree.get("sources").get("archive").get("refused").asLong()).isEqualTo(9);
        assertThat(json.readValue(json.writeValueAsString(summary()), IngestSummary.class)).isEqualTo(summary());
    }

    @Test
    void sourcesAreUnmodifiable() {
        Map<String, IngestSummary.SourceCounts> sources = new LinkedHashMap<>();
        IngestSummary summary = new IngestSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, sources);
        sources.put("late", new IngestSummary.SourceCounts(1, 0, 0, 0, 0));

        assertThat(summary.sources()).isEmpty();
    }
}
