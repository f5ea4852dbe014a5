package dev.chatstore.reliability;

import dev.chatstore.sqlite.SqliteStoreProvider;
import dev.chatstore.storage.routing.Storage;
import dev.chatstore.storage.routing.Storages;
import dev.chatstore.storage.spi.ChatInfo;
import dev.chatstore.storage.spi.ChatMessage;
import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.ChatType;
import dev.chatstore.storage.spi.MessageQuery;
import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.StorageConfig;
import dev.chatstore.storage.spi.StorageException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Item 3: a source's file is deleted, truncated, overwritten with garbage, replaced by another file, or locked by
 * another process (an {@code EXCLUSIVE} transaction in a second JVM) while the storage runs. Every call to that source
 * ends within its timeout (plus a margin, enforced per call by {@code assertTimeoutPreemptively}) and either answers or
 * fails with a {@link StorageException} naming the source and its path; the healthy source keeps working after each
 * call; fan-out reads follow {@code on-source-failure} ({@code skip}: the healthy rows and a WARN; {@code fail}: a
 * {@link SourceUnavailableException} naming the source and carrying the healthy rows); and after close no thread is
 * left. What each fault must break is asserted per fault (see {@link Fault}).
 */
class FaultsIT {
    private static final long VICTIM_CHAT = -1001111111111L;
    private static final long HEALTHY_CHAT = -1002222222222L;
    private static final Duration TIMEOUT = Duration.ofMillis(1_500);
    private static final Duration MARGIN = Duration.ofMillis(1_500);

    /** How the victim's file is broken. */
    enum Fault {
        DELETED, TRUNCATED, GARBAGE_IN_PLACE, REPLACED_BY_GARBAGE, LOCKED_BY_OTHER_PROCESS
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Fault.class)
    void callsToTheBrokenSourceFailCleanlyAndInTimeWhileTheOtherSourceWorks(Fault fault) throws Exception {
        for (String onFailure : List.of("skip", "fail")) {
            run(fault, onFailure);
        }
        assertThat(Threads.awaitNone(Threads.CHATSTORE, Duration.ofSeconds(5))).as("threads left").isEmpty();
    }

    private void run(Fault fault, String onFailure) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(fault + "-" + onFailure));
        Path victim = folder.resolve("victim.db");
        Map<String, Object> sources = new LinkedHashMap<>();
        double seconds = TIMEOUT.toMillis() / 1000.0;
        sources.put("healthy", Map.of("path", folder.resolve("healthy.db").toString(), "pool-size", 2, "timeout", seconds));
        sources.put("victim", Map.of("path", victim.toString(), "pool-size", 2, "timeout", seconds));
        StorageConfig config = Configs.fromMap(Map.of("default", "healthy", "on-source-failure", onFailure,
                "sources", sources, "chatMapping", Map.of(VICTIM_CHAT, "victim")));
        List<String> outcomes = new ArrayList<>();
        int failures = 0;
        ChildJvm lockHolder = null;
        try (Storage storage = Storages.open(config, List.of(new SqliteStoreProvider()))) {
            fill(storage, VICTIM_CHAT, 400);
            fill(storage, HEALTHY_CHAT, 10);
            // The victim's pages go from the WAL into the file, so the fault hits data SQLite must read back.
            try (Connection connection = TestFiles.connect(victim, false)) {
                TestFiles.column(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
            }
            lockHolder = inject(fault, victim, folder);

            // A moment passes before the calls: reads look for a deleted or replaced file at most every 100 ms.
            ChildJvm.sleep(150);
            List<Call> calls = List.of(
                    new Call("getChatMessages", false, s -> s.getChatMessages(VICTIM_CHAT, MessageQuery.all()).size()),
                    new Call("getChatMessage", false, s -> s.getChatMessage(VICTIM_CHAT, "m-399").isPresent()),
                    new Call("getChatUsers", false, s -> s.getChatUsers(VICTIM_CHAT, 100, null).size()),
                    new Call("getChatInfo", false, s -> s.getChatInfo(VICTIM_CHAT).isPresent()),
                    new Call("addChatMessage", true, s -> {
                        s.addChatMessage(message(VICTIM_CHAT, "after-fault"));
                        return null;
                    }),
                    new Call("setChatSetting", true, s -> {
                        s.setChatSetting(VICTIM_CHAT, "k", "v");
                        return null;
                    }),
                    new Call("updateChatUser", true, s -> {
                        s.updateChatUser(VICTIM_CHAT, 77, "late", "Late User");
                        return null;
                    }));
            for (Call call : calls) {
                long start = System.nanoTime();
                Object outcome = assertTimeoutPreemptively(TIMEOUT.plus(MARGIN), () -> {
                    try {
                        return call.body().apply(storage);
                    } catch (RuntimeException e) {
                        return e;
                    }
                }, () -> fault + ": " + call.name() + " hung");
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                if (outcome instanceof RuntimeException e) {
                    failures++;
                    assertThat(e).as("%s %s", fault, call.name()).isInstanceOf(StorageException.class);
                    assertThat(e.getMessage()).as("%s %s", fault, call.name()).contains("'victim'", victim.toString());
                    outcomes.add(call.name() + " failed in " + took.toMillis() + " ms: " + e.getMessage());
                } else {
                    outcomes.add(call.name() + " answered " + outcome + " in " + took.toMillis() + " ms");
                }
                checkMust(fault, call, outcome);
                healthyStillWorks(storage, call.name());
            }
            fanOut(storage, fault, onFailure, victim);
        } finally {
            if (lockHolder != null) {
                lockHolder.close();
                lockHolder.awaitExit(Duration.ofSeconds(10));
            }
        }
        assertThat(failures).as("calls that failed on %s", fault).isPositive();
        System.out.printf("FaultsIT %s (%s): %s%n", fault, onFailure, String.join(" | ", outcomes));
    }

    /**
     * What each fault must break. A deleted or replaced file: every call (the plugin checks the file's identity). A
     * lock: every write, after the timeout; reads go on (WAL readers never wait for a writer). Garbage over the file:
     * every call (the header is gone). A truncated file: at least the read of the whole chat; a page still in a
     * connection's cache may answer, and a small write may land in the WAL before SQLite reads a missing page.
     */
    private static void checkMust(Fault fault, Call call, Object outcome) {
        switch (fault) {
            case DELETED, REPLACED_BY_GARBAGE -> assertThat(outcome).as("%s %s", fault, call.name())
                    .isInstanceOf(SourceUnavailableException.class);
            case GARBAGE_IN_PLACE -> assertThat(outcome).as("%s %s", fault, call.name())
                    .isInstanceOf(StorageException.class);
            case LOCKED_BY_OTHER_PROCESS -> {
                if (call.write()) {
                    assertThat(outcome).as("%s %s", fault, call.name()).isInstanceOf(SourceUnavailableException.class);
                    assertThat(((Exception) outcome).getMessage()).contains("locked");
                } else {
                    assertThat(outcome).as("%s %s", fault, call.name()).isNotInstanceOf(Throwable.class);
                }
            }
            case TRUNCATED -> {
                if (call.name().equals("getChatMessages")) {
                    assertThat(outcome).as("%s %s", fault, call.name()).isInstanceOf(StorageException.class);
                }
            }
        }
    }

    private static void fanOut(Storage storage, Fault fault, String onFailure, Path victim) {
        Object outcome = assertTimeoutPreemptively(TIMEOUT.plus(MARGIN), () -> {
            try {
                return storage.getAllGroupChats();
            } catch (RuntimeException e) {
                return e;
            }
        });
        boolean mustFail = fault == Fault.DELETED || fault == Fault.REPLACED_BY_GARBAGE || fault == Fault.GARBAGE_IN_PLACE;
        if (outcome instanceof SourceUnavailableException e) {
            assertThat(onFailure).isEqualTo("fail");
            assertThat(e.sourceName()).isEqualTo("victim");
            assertThat(e.getMessage()).contains("'victim'", victim.toString());
            @SuppressWarnings("unchecked")
            List<ChatInfo> partial = (List<ChatInfo>) e.partialResult().orElseThrow();
            assertThat(partial).extracting(ChatInfo::chatId).contains(HEALTHY_CHAT).doesNotContain(VICTIM_CHAT);
        } else {
            assertThat(outcome).as("%s fan-out under %s", fault, onFailure).isInstanceOf(List.class);
            @SuppressWarnings("unchecked")
            List<ChatInfo> rows = (List<ChatInfo>) outcome;
            assertThat(rows).extracting(ChatInfo::chatId).contains(HEALTHY_CHAT);
            if (mustFail) {
                assertThat(onFailure).as("%s fan-out returned rows under 'fail'", fault).isEqualTo("skip");
                assertThat(rows).extracting(ChatInfo::chatId).doesNotContain(VICTIM_CHAT);
            }
        }
    }

    private static void healthyStillWorks(Storage storage, String after) {
        String id = "h-" + after + "-" + System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            storage.addChatMessage(message(HEALTHY_CHAT, id));
            assertThat(storage.getChatMessage(HEALTHY_CHAT, id)).as("healthy source after %s", after).isPresent();
        });
    }

    private ChildJvm inject(Fault fault, Path victim, Path folder) throws IOException {
        switch (fault) {
            case DELETED -> {
                Files.delete(victim);
                Files.deleteIfExists(Path.of(victim + "-wal"));
                Files.deleteIfExists(Path.of(victim + "-shm"));
            }
            case TRUNCATED -> {
                try (FileChannel channel = FileChannel.open(victim, StandardOpenOption.WRITE)) {
                    channel.truncate(Files.size(victim) / 3);
                }
            }
            case GARBAGE_IN_PLACE -> Files.write(victim, garbage((int) Files.size(victim)), StandardOpenOption.WRITE);
            case REPLACED_BY_GARBAGE -> {
                Path replacement = folder.resolve("replacement.tmp");
                Files.write(replacement, garbage((int) Files.size(victim)));
                Files.move(replacement, victim, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            case LOCKED_BY_OTHER_PROCESS -> {
                ChildJvm holder = ChildJvm.start(LockHolder.class, folder, victim.toString());
                holder.awaitLine("LOCKED", Duration.ofSeconds(60));
                return holder;
            }
        }
        return null;
    }

    private static byte[] garbage(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static void fill(ChatStore store, long chat, int messages) {
        store.updateChatInfo(chat, ChatType.SUPERGROUP, "chat " + chat, null, false);
        store.updateChatUser(chat, 1, "user", "User");
        List<ChatMessage> batch = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            batch.add(ChatMessage.builder(chat, "m-" + i, 1, Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i))
                    .text("message " + i + " " + "x".repeat(2_000)).build());
        }
        store.addChatMessages(batch);
    }

    private static ChatMessage message(long chat, String id) {
        return ChatMessage.builder(chat, id, 1, Instant.parse("2024-02-01T00:00:00Z")).text(id).build();
    }

    private record Call(String name, boolean write, Function<ChatStore, Object> body) {
    }
}
