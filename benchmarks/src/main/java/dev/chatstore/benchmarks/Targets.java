package dev.chatstore.benchmarks;

import dev.chatstore.benchmarks.JmhResults.Metric;
import dev.chatstore.benchmarks.JmhResults.Result;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The targets of issue 6, each judged from numbers of the same run. */
final class Targets {
    enum Verdict { PASS, MISS, NOT_RUN }

    record Target(String goal, String measured, String limit, Verdict verdict) {
    }

    static final double ORIGINAL_BOT_MS = 1.4;

    private final JmhResults results;

    Targets(JmhResults results) {
        this.results = results;
    }

    List<Target> evaluate() {
        List<Target> targets = new ArrayList<>();
        targets.add(ratio("addChatMessage vs raw single-row autocommit INSERT", "WriteBenchmark.addChatMessage",
                "WriteBenchmark.rawInsertAutocommit", 0.50));
        targets.add(ratio("addChatMessages (100 over 100 chats) vs raw 100-row transactions",
                "WriteBenchmark.addChatMessages100", "WriteBenchmark.rawInsertTransaction100", 0.80));
        targets.add(ingest());
        targets.add(timeRatio("getChatMessages(limit 50) vs raw JDBC returning the same 14 columns, SQLite",
                "SqliteReadBenchmark.latest50Direct", "SqliteReadBenchmark.latest50RawSameColumns", 0.80));
        targets.add(overheadRatio("Storage vs direct, getChatMessages(limit 50), SQLite",
                "SqliteReadBenchmark.latest50Storage", "SqliteReadBenchmark.latest50Direct"));
        targets.add(overheadNanos("Storage vs direct, point read, SQLite", "SqliteReadBenchmark.pointReadStorage",
                "SqliteReadBenchmark.pointReadDirect"));
        targets.add(overheadNanos("Storage vs direct, point read, in-memory (the chain alone)",
                "ChainOverheadBenchmark.pointReadStorage", "ChainOverheadBenchmark.pointReadDirect"));
        targets.add(overheadNanos("Storage with metrics vs direct, point read, in-memory (chain + chatstore.operation)",
                "ChainOverheadBenchmark.pointReadMetered", "ChainOverheadBenchmark.pointReadDirect"));
        targets.add(fanOut());
        targets.addAll(mixed());
        return targets;
    }

    private Target ratio(String goal, String name, String baseline, double minimum) {
        Optional<Result> a = results.get(name);
        Optional<Result> b = results.get(baseline);
        String limit = ">= " + percent(minimum);
        if (a.isEmpty() || b.isEmpty()) {
            return notRun(goal, limit);
        }
        double ratio = a.get().primary().score() / b.get().primary().score();
        return new Target(goal, String.format("%s of %s/s = **%s**", Format.rate(a.get().primary().score()),
                Format.rate(b.get().primary().score()), percent(ratio)), limit, verdict(ratio >= minimum));
    }

    /** Like {@link #ratio} for time-per-call results: the speed of {@code name} as a share of the baseline's. */
    private Target timeRatio(String goal, String name, String baseline, double minimum) {
        Optional<Result> a = results.get(name);
        Optional<Result> b = results.get(baseline);
        String limit = ">= " + percent(minimum);
        if (a.isEmpty() || b.isEmpty()) {
            return notRun(goal, limit);
        }
        double ratio = b.get().primary().score() / a.get().primary().score();
        return new Target(goal, String.format("%s against %s per call = **%s**",
                Format.time(a.get().primary()), Format.time(b.get().primary()), percent(ratio)),
                limit, verdict(ratio >= minimum));
    }

    private Target ingest() {
        String goal = "ingest of Telegram updates through UpdateIngester and Storage";
        String limit = ">= 10,000 updates/s";
        return results.get("IngestBenchmark.ingest").map(r -> {
            double perSecond = updatesPerSecond(r);
            return new Target(goal, String.format("**%s updates/s** (%s updates)", Format.rate(perSecond),
                    r.params().getOrDefault("updates", "?")), limit, verdict(perSecond >= 10_000));
        }).orElse(notRun(goal, limit));
    }

    /** Updates per second from the single-shot time of one whole ingest. */
    static double updatesPerSecond(Result ingest) {
        double updates = Double.parseDouble(ingest.params().getOrDefault("updates", "100000"));
        return updates / Format.seconds(ingest.primary().score(), ingest.primary().unit());
    }

    private Target overheadRatio(String goal, String storage, String direct) {
        String limit = "<= 105%";
        Optional<Result> s = results.get(storage);
        Optional<Result> d = results.get(direct);
        if (s.isEmpty() || d.isEmpty()) {
            return notRun(goal, limit);
        }
        double ratio = s.get().primary().score() / d.get().primary().score();
        return new Target(goal, String.format("%s vs %s = **%s**", Format.time(s.get().primary()),
                Format.time(d.get().primary()), percent(ratio)), limit, verdict(ratio <= 1.05));
    }

    private Target overheadNanos(String goal, String storage, String direct) {
        String limit = "< 1,000 ns per call";
        Optional<Result> s = results.get(storage);
        Optional<Result> d = results.get(direct);
        if (s.isEmpty() || d.isEmpty()) {
            return notRun(goal, limit);
        }
        double overhead = Format.nanos(s.get().primary().score(), s.get().primary().unit())
                - Format.nanos(d.get().primary().score(), d.get().primary().unit());
        double error = Format.nanos(combinedError(s.get().primary(), d.get().primary()), s.get().primary().unit());
        String spread = Double.isNaN(error) ? "" : String.format(" (± %.0f)", error);
        return new Target(goal, String.format("%s vs %s = **%+.0f ns**%s", Format.time(s.get().primary()),
                Format.time(d.get().primary()), overhead, spread), limit, verdict(overhead < 1_000));
    }

    private Target fanOut() {
        String goal = "fan-out getAllGroupChats over 8 sources vs 8 sequential reads (p50)";
        String limit = "<= 60%";
        Optional<Result> parallel = results.get("FanOutBenchmark.fanOut8Sources");
        Optional<Result> sequential = results.get("FanOutBenchmark.sequential8Sources");
        if (parallel.isEmpty() || sequential.isEmpty()) {
            return notRun(goal, limit);
        }
        Metric p = parallel.get().primary();
        Metric q = sequential.get().primary();
        double ratio = p.percentile("50.0") / q.percentile("50.0");
        return new Target(goal, String.format("%s vs %s = **%s**", Format.time(p.percentile("50.0"), p.unit()),
                Format.time(q.percentile("50.0"), q.unit()), percent(ratio)), limit, verdict(ratio <= 0.60));
    }

    private List<Target> mixed() {
        String busyGoal = "mixed load (2 writers, 2 readers): SQLITE_BUSY reaching a caller";
        String p99Goal = "mixed load: writer p99";
        Optional<Result> mixed = results.get("MixedLoadBenchmark.mixed");
        if (mixed.isEmpty()) {
            return List.of(notRun(busyGoal, "0"), notRun(p99Goal, "< 20 ms"));
        }
        Optional<Metric> busy = mixed.get().secondary("busy");
        Optional<Metric> write = mixed.get().secondary("write");
        Target busyTarget = busy.map(b -> new Target(busyGoal, String.format("**%.0f**", b.score()), "0",
                verdict(b.score() == 0))).orElse(notRun(busyGoal, "0"));
        Target p99Target = write.map(w -> {
            double p99 = w.percentile("99.0");
            return new Target(p99Goal, "**" + Format.time(p99, w.unit()) + "**", "< 20 ms",
                    verdict(Format.nanos(p99, w.unit()) < 20_000_000));
        }).orElse(notRun(p99Goal, "< 20 ms"));
        return List.of(busyTarget, p99Target);
    }

    private static double combinedError(Metric a, Metric b) {
        if (Double.isNaN(a.error()) || Double.isNaN(b.error())) {
            return Double.NaN;
        }
        return Math.sqrt(a.error() * a.error() + b.error() * b.error());
    }

    private static Target notRun(String goal, String limit) {
        return new Target(goal, "not run", limit, Verdict.NOT_RUN);
    }

    private static Verdict verdict(boolean met) {
        return met ? Verdict.PASS : Verdict.MISS;
    }

    private static String percent(double ratio) {
        return String.format("%.0f%%", ratio * 100);
    }
}
