package dev.chatstore.benchmarks;

import dev.chatstore.storage.spi.ChatStore;
import dev.chatstore.storage.spi.MessageQuery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The PostgreSQL targets of issue 10 measured side by side on a shared, loaded machine: one server, and in every
 * round each arm runs for the same time right after the other (the order alternating from round to round), so both
 * see the same load; the score of a scenario is the median over rounds of store / raw. JMH
 * ({@code PostgresWriteBenchmark}, {@code PostgresReadBenchmark}) runs the arms minutes apart, which on a machine
 * whose load halves or doubles in that time says more about the load than about the store.
 *
 * <p>Arms: the store and raw pgjdbc ({@link RawPostgres}, the same SQL and rows) for one {@code addChatMessage} at a
 * time, {@code addChatMessages} of 100, the latest 50 of a chat of 20,000 messages, and {@code addChatMessage} from
 * 4 threads; plus raw pgjdbc's plain four-statement transaction (reference) and one SQLite file's single writer
 * (the rate 4 PostgreSQL writers should beat). Round 0 is a warm-up and not counted.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.chatstore.benchmarks.PostgresRatioHarness [rounds] [seconds]</pre>
 */
public final class PostgresRatioHarness {
    private static final int BATCH = 100;
    private static final int READ_MESSAGES = 20_000;

    @FunctionalInterface
    interface Op {
        /** One call; returns how many messages it handled. */
        int run(int thread) throws Exception;
    }

    private PostgresRatioHarness() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        System.out.printf("load average at start: %s%n", load());
        Path dir = Files.createTempDirectory("pg-ratio");
        try (Postgres postgres = Postgres.start()) {
            ChatStore store = postgres.open(Postgres.freshSchema(), 8);
            SampleMessages.addMembers(store);
            String rawSchema = Postgres.freshSchema();
            try (ChatStore schemaOnly = postgres.open(rawSchema, 1)) {
                SampleMessages.addMembers(schemaOnly);
            }
            String refSchema = Postgres.freshSchema();
            try (ChatStore schemaOnly = postgres.open(refSchema, 1)) {
                SampleMessages.addMembers(schemaOnly);
            }
            String readSchema = Postgres.freshSchema();
            ChatStore reader = postgres.open(readSchema, 5);
            SampleMessages.fill(reader, READ_MESSAGES);
            ChatStore sqlite = Sqlite.open(dir.resolve("single.db").toString());
            SampleMessages.addMembers(sqlite);

            RawPostgres[] raw = new RawPostgres[4];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = new RawPostgres(postgres.connect(rawSchema));
            }
            RawPostgres reference = new RawPostgres(postgres.connect(refSchema));
            RawPostgres rawReader = new RawPostgres(postgres.connect(readSchema));
            AtomicLong storeNext = new AtomicLong();
            AtomicLong rawNext = new AtomicLong();
            AtomicLong refNext = new AtomicLong();
            AtomicLong sqliteNext = new AtomicLong();
            ReadKeys storeKeys = new ReadKeys(READ_MESSAGES, 42);
            ReadKeys rawKeys = new ReadKeys(READ_MESSAGES, 42);
            MessageQuery latest50 = MessageQuery.latest(50);

            Map<String, Op[]> scenarios = new LinkedHashMap<>();
            scenarios.put("addChatMessage, 1 thread", new Op[]{
                t -> {
                    store.addChatMessage(SampleMessages.message(storeNext.getAndIncrement()));
                    return 1;
                },
                t -> raw[0].add(SampleMessages.message(rawNext.getAndIncrement()))});
            scenarios.put("addChatMessages(100), 1 thread", new Op[]{
                t -> store.addChatMessages(SampleMessages.messages(storeNext.getAndAdd(BATCH), BATCH)),
                t -> {
                    raw[0].addAll(SampleMessages.messages(rawNext.getAndAdd(BATCH), BATCH));
                    return BATCH;
                }});
            scenarios.put("getChatMessages(latest 50) of 20,000", new Op[]{
                t -> {
                    storeKeys.advance();
                    return reader.getChatMessages(storeKeys.chatId(), latest50).isEmpty() ? 0 : 1;
                },
                t -> {
                    rawKeys.advance();
                    return rawReader.latest(rawKeys.chatId(), 50).isEmpty() ? 0 : 1;
                }});
            scenarios.put("addChatMessage, 4 threads", new Op[]{
                t -> {
                    store.addChatMessage(SampleMessages.message(storeNext.getAndIncrement()));
                    return 1;
                },
                t -> raw[t].add(SampleMessages.message(rawNext.getAndIncrement()))});

            Map<String, List<double[]>> results = new LinkedHashMap<>();
            List<double[]> extra = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                for (Map.Entry<String, Op[]> scenario : scenarios.entrySet()) {
                    int threads = scenario.getKey().contains("4 threads") ? 4 : 1;
                    Op storeArm = scenario.getValue()[0];
                    Op rawArm = scenario.getValue()[1];
                    double s;
                    double r;
                    if (round % 2 == 0) {
                        s = rate(storeArm, threads, seconds);
                        r = rate(rawArm, threads, seconds);
                    } else {
                        r = rate(rawArm, threads, seconds);
                        s = rate(storeArm, threads, seconds);
                    }
                    if (round > 0) {
                        results.computeIfAbsent(scenario.getKey(), k -> new ArrayList<>()).add(new double[]{s, r});
                    }
                }
                double four = rate(t -> {
                    reference.addFourStatements(SampleMessages.message(refNext.getAndIncrement()));
                    return 1;
                }, 1, seconds);
                double single = rate(t -> {
                    sqlite.addChatMessage(SampleMessages.message(sqliteNext.getAndIncrement()));
                    return 1;
                }, 1, seconds);
                double pg4 = rate(t -> {
                    store.addChatMessage(SampleMessages.message(storeNext.getAndIncrement()));
                    return 1;
                }, 4, seconds);
                if (round > 0) {
                    extra.add(new double[]{four, single, pg4});
                }
                System.out.printf("round %d done, load %s%n", round, load());
            }

            System.out.printf("%n| scenario | store | raw pgjdbc | store / raw (median of rounds) |%n|---|---|---|---|%n");
            for (Map.Entry<String, List<double[]>> e : results.entrySet()) {
                double[] s = e.getValue().stream().mapToDouble(x -> x[0]).toArray();
                double[] r = e.getValue().stream().mapToDouble(x -> x[1]).toArray();
                double[] ratio = e.getValue().stream().mapToDouble(x -> x[0] / x[1]).toArray();
                String unit = e.getKey().startsWith("get") ? " calls/s" : " msg/s";
                System.out.printf("| %s | %,.0f%s | %,.0f%s | %.0f%% (rounds: %s) |%n", e.getKey(), median(s), unit,
                        median(r), unit, 100 * median(ratio), Arrays.stream(ratio)
                                .mapToObj(x -> String.format("%.0f%%", 100 * x)).toList());
            }
            double[] four = extra.stream().mapToDouble(x -> x[0]).toArray();
            double[] single = extra.stream().mapToDouble(x -> x[1]).toArray();
            double[] pgOverSqlite = extra.stream().mapToDouble(x -> x[2] / x[1]).toArray();
            System.out.printf("| raw pgjdbc, plain 4 statements + COMMIT, 1 thread (reference) | | %,.0f msg/s | |%n",
                    median(four));
            System.out.printf("| SQLite addChatMessage, one file, 1 thread | %,.0f msg/s | | PostgreSQL store with 4 "
                    + "threads / SQLite: %.0f%% (rounds: %s) |%n", median(single), 100 * median(pgOverSqlite),
                    Arrays.stream(pgOverSqlite).mapToObj(x -> String.format("%.0f%%", 100 * x)).toList());
            System.out.printf("%nload average at end: %s%n", load());

            for (RawPostgres r : raw) {
                r.close();
            }
            reference.close();
            rawReader.close();
            reader.close();
            sqlite.close();
            store.close();
        }
    }

    /** Calls per second of {@code op} on {@code threads} threads for {@code seconds}, in messages. */
    private static double rate(Op op, int threads, double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        AtomicLong done = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try {
                    long n = 0;
                    while (System.nanoTime() < end) {
                        n += op.run(thread);
                    }
                    done.addAndGet(n);
                } catch (Throwable e) {
                    failure.set(e);
                } finally {
                    finished.countDown();
                }
            });
            worker.start();
        }
        finished.await();
        if (failure.get() != null) {
            throw new IllegalStateException("an arm failed", failure.get());
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
