package dev.chatstore.reliability;

import dev.chatstore.sqlite.SqliteStoreProvider;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.SourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Item 1: a child JVM writes messages into one SQLite file and acknowledges each only after its commit; it is killed
 * with SIGKILL at a random moment, and the file is checked from outside: {@code PRAGMA integrity_check} is ok, every
 * acknowledged message is there, every counter agrees with the rows (a message and its counter bumps commit together
 * or not at all), and the plugin reopens the file. The same file goes through every round, so each round also
 * recovers the WAL the previous kill left behind.
 *
 * <p>Rounds: {@code -Dreliability.crash.rounds} (10 in {@code mvn verify}, 200 with {@code -Psoak}); the seed of the
 * kill delays is printed and can be replayed with {@code -Dreliability.crash.seed}.
 */
class CrashSafetyIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedMessageSurvivesSigkillAndTheFileStaysIntact() throws Exception {
        int rounds = Integer.getInteger("reliability.crash.rounds", 10);
        long seed = Long.getLong("reliability.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path db = dir.resolve("crash.db");
        Set<String> acknowledged = new HashSet<>();
        int roundsWithAcks = 0;
        long rowsChecked = 0;

        for (int round = 1; round <= rounds; round++) {
            int ackedThisRound = 0;
            try (ChildJvm child = ChildJvm.start(CrashDriver.class, dir, db.toString(), Integer.toString(round))) {
                child.awaitLine("READY", START_TIMEOUT);
                ChildJvm.sleep(50 + random.nextInt(700));
                child.kill();
                for (String line : child.lines()) {
                    if (line.startsWith("ACK ")) {
                        String[] parts = line.split(" ");
                        acknowledged.add(parts[1] + ":" + parts[2]);
                        ackedThisRound++;
                    }
                }
                assertThat(child.process().exitValue()).as("killed, not exited: %s", child.stderr()).isEqualTo(137);
            }
            roundsWithAcks += ackedThisRound > 0 ? 1 : 0;
            rowsChecked += checkFile(db, acknowledged, round);
        }

        // Reopening through the plugin: the schema check passes and the data is served.
        try (ChatStore store = new SqliteStoreProvider().open(
                new SourceConfig("crash", SqliteStoreProvider.TYPE, false, 2, Duration.ofSeconds(10), java.util.Map.of("path", db.toString())))) {
            for (String id : acknowledged.stream().limit(200).toList()) {
                String[] parts = id.split(":");
                assertThat(store.getChatMessage(Long.parseLong(parts[0]), parts[1])).as(id).isPresent();
            }
        }
        System.out.printf("CrashSafetyIT: %d rounds (seed %d), %d rounds killed mid-write, %d acknowledged messages, "
                + "%d rows checked, 0 lost%n", rounds, seed, roundsWithAcks, acknowledged.size(), rowsChecked);
        assertThat(roundsWithAcks).as("rounds in which the kill landed after some commits").isGreaterThan(rounds / 2);
    }

    /** @return the number of message rows checked */
    private static long checkFile(Path db, Set<String> acknowledged, int round) throws Exception {
        try (Connection connection = TestFiles.connect(db, false)) {
            assertThat(TestFiles.column(connection, "PRAGMA integrity_check")).as("round %d", round).containsExactly("ok");
            assertThat(TestFiles.column(connection, "PRAGMA foreign_key_check")).as("round %d", round).isEmpty();
            Set<String> stored = new HashSet<>(TestFiles.column(connection,
                    "SELECT chat_id || ':' || message_id FROM chat_messages"));
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertThat(lost).as("acknowledged but missing after round %d", round).isEmpty();
            // Each message and its counter bumps share one transaction: after any kill they agree.
            for (long chat : List.of(CrashDriver.SINGLE_CHAT, CrashDriver.BATCH_CHAT)) {
                long rows = TestFiles.number(connection, "SELECT count(*) FROM chat_messages WHERE chat_id = " + chat);
                assertThat(TestFiles.number(connection,
                        "SELECT coalesce(sum(messages_count), 0) FROM chat_stats WHERE chat_id = " + chat))
                        .as("chat_stats of %d after round %d", chat, round).isEqualTo(rows);
                assertThat(TestFiles.number(connection,
                        "SELECT coalesce(sum(messages_count), 0) FROM chat_user_stats WHERE chat_id = " + chat))
                        .as("chat_user_stats of %d after round %d", chat, round).isEqualTo(rows);
                assertThat(TestFiles.number(connection,
                        "SELECT coalesce(sum(messages_count), 0) FROM chat_users WHERE chat_id = " + chat))
                        .as("chat_users.messages_count of %d after round %d", chat, round).isEqualTo(rows);
            }
            return stored.size();
        }
    }
}
