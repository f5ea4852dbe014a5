package dev.chatstore.benchmarks;

import dev.chatstore.benchmarks.JmhResults.Metric;
import dev.chatstore.benchmarks.JmhResults.Result;

import java.util.Locale;
import java.util.Optional;

/** The per-benchmark sections of docs/PERFORMANCE.md: a table of the run's numbers and what a user should expect. */
final class ReportSections {
    private static final String NOT_RUN = "not run";

    private final JmhResults results;
    private final StringBuilder out;

    ReportSections(JmhResults results, StringBuilder out) {
        this.results = results;
        this.out = out;
    }

    void all() {
        writes();
        bulk();
        reads();
        fanOut();
        mixed();
        issueNotes();
    }

    private void writes() {
        line("## 1. Storing one message at a time");
        line("");
        line("| benchmark | messages/s | ± (99.9% CI) | time per message |");
        line("|---|---|---|---|");
        rateRow("`addChatMessage` on a file source (4 statements, 1 transaction)", "WriteBenchmark.addChatMessage");
        rateRow("raw JDBC: one autocommit INSERT into `chat_messages`", "WriteBenchmark.rawInsertAutocommit");
        line("");
        Optional<Double> rate = score("WriteBenchmark.addChatMessage");
        line("**What to expect.** One thread storing messages as they arrive gets about "
                + rate.map(r -> Format.rate(r) + " messages/s (" + Format.time(1e9 / r, "ns") + " each), "
                + String.format(Locale.ROOT, "%.0f×", r * Targets.ORIGINAL_BOT_MS / 1000) + " the original bot's "
                + "~700/s").orElse(NOT_RUN) + ". Each call is one `BEGIN IMMEDIATE` transaction on a pooled connection "
                + "under the source's write lock: the message row, the member's message counter, and the chat's and "
                + "the member's daily statistics. More threads do not write one file faster: SQLite has one writer "
                + "at a time and the store queues its writers on the lock (see 5). For imports and backfills use "
                + "`addChatMessages` (2).");
        line("");
    }

    private void bulk() {
        line("## 2. Bulk writes and Telegram ingest");
        line("");
        line("| benchmark | messages/s | ± (99.9% CI) | time per message |");
        line("|---|---|---|---|");
        rateRow("`addChatMessages`, 100 messages over 100 chats per call", "WriteBenchmark.addChatMessages100");
        rateRow("raw JDBC: 100-row INSERT transactions (one JDBC batch)", "WriteBenchmark.rawInsertTransaction100");
        line("");
        Optional<Result> ingest = results.get("IngestBenchmark.ingest");
        String updates = ingest.map(r -> r.params().getOrDefault("updates", "?")).orElse("100000");
        line("| ingest | updates/s | time for " + updates + " updates | iterations |");
        line("|---|---|---|---|");
        line(ingest.map(r -> "| `UpdateIngester.ingest` over `Storage` on one SQLite file | "
                + Format.rate(Targets.updatesPerSecond(r)) + " | " + (Format.time(r.primary()) + " "
                + Format.error(r.primary())).strip() + " | " + r.json().path("measurementIterations").asInt() + " |")
                .orElse("| ingest | " + NOT_RUN + " | | |"));
        line("");
        line("**What to expect.** `addChatMessages` stores a list in one transaction per source and bumps each "
                + "member's counter and each daily statistic once per batch; with 100 chats in a batch of 100 there is "
                + "little to aggregate, so it still writes about four rows per message, against the baseline's one. "
                + "The host's `ingest` command (JSON parsing, mapping, reply-root resolution, duplicate checks, "
                + "batches of 500 per source) does about " + ingest.map(r -> Format.rate(Targets.updatesPerSecond(r))
                + " updates/s").orElse(NOT_RUN) + " on one file: the sample of 70 updates repeated with shifted ids "
                + "(messages, edits, channel posts, callbacks, membership changes), into an empty database each "
                + "iteration.");
        line("");
    }

    private void reads() {
        line("## 3. Reads on 100,000 messages: direct, through `Storage`, raw JDBC");
        line("");
        line("| read (file source, 100 chats × 1,000 messages) | SQLite store (direct) | through `Storage` | raw JDBC "
                + "| Storage vs direct |");
        line("|---|---|---|---|---|");
        readRow("point read (`getChatMessage`)", "SqliteReadBenchmark.pointRead", true);
        readRow("latest 50 (`getChatMessages(limit 50)`)", "SqliteReadBenchmark.latest50", true);
        line("");
        line("| read (`InMemoryChatStore`, 100 chats × 100 messages) | direct | through `Storage` | | chain overhead per "
                + "call |");
        line("|---|---|---|---|---|");
        readRow("point read", "ChainOverheadBenchmark.pointRead", false);
        readRow("latest 50", "ChainOverheadBenchmark.latest50", false);
        line("");
        line("**What to expect.** A point read takes about " + time("SqliteReadBenchmark.pointReadDirect")
                + " and the latest 50 messages of a chat about " + time("SqliteReadBenchmark.latest50Direct")
                + " (the original bot: ~1.4 ms). The routing chain (facade, readonly guard, router: dynamic "
                + "proxies acting on the operation facts) adds about " + overhead("ChainOverheadBenchmark.pointRead")
                + " per call, measured over the in-memory store where nothing else hides it; beside SQLite it is "
                + "within the noise. The gap to raw JDBC is the store's work on every row: a `LEFT JOIN` on "
                + "`chat_users` for the author's names, parsing two timestamps, and building a `ChatMessage`.");
        line("");
    }

    private void fanOut() {
        line("## 4. Fan-out read over 8 sources");
        line("");
        line("| `getAllGroupChats` (1,000 chats per file, 700 groups) | p50 | p90 | p99 | mean |");
        line("|---|---|---|---|---|");
        sampleRow("8 sources, no explicit source (parallel, merged)", "FanOutBenchmark.fanOut8Sources");
        sampleRow("1 source", "FanOutBenchmark.oneSource");
        sampleRow("8 sources one after another (`storage.source(name)`)", "FanOutBenchmark.sequential8Sources");
        line("");
        line("**What to expect.** The aggregator queries every source at once on the storage's own executor and "
                + "merges the rows (de-duplicated by chat id, the owning source's row winning, ordered by chat id) on "
                + "the calling thread. With free cores a fan-out costs about its slowest source plus the merge; on "
                + "2 cores the 8 queries run two at a time, so half of the sequential time is the floor. Here the "
                + "8-source read took " + p50Ratio("FanOutBenchmark.fanOut8Sources", "FanOutBenchmark.sequential8Sources")
                + " of the time of the eight reads one after another, and " + p50Ratio("FanOutBenchmark.fanOut8Sources",
                "FanOutBenchmark.oneSource") + " the time of a one-source read (p50); the notes below say why. A source that hangs costs at most its `timeout`.");
        line("");
    }

    private void mixed() {
        line("## 5. Mixed load: 2 writers and 2 readers on one source");
        line("");
        Optional<Result> mixed = results.get("MixedLoadBenchmark.mixed");
        line("| role | calls/s | p50 | p99 | p99.9 | max |");
        line("|---|---|---|---|---|---|");
        for (String role : new String[] {"write", "read"}) {
            String counter = role.equals("write") ? "writes" : "reads";
            line(mixed.flatMap(r -> r.secondary(role).map(m -> "| " + role + " (`" + (role.equals("write")
                    ? "addChatMessage" : "getChatMessages(limit 50)") + "`) | " + r.secondary(counter)
                    .map(c -> Format.rate(c.score() / measuredSeconds(r))).orElse("") + " | "
                    + Format.time(m.percentile("50.0"), m.unit()) + " | " + Format.time(m.percentile("99.0"), m.unit())
                    + " | " + Format.time(m.percentile("99.9"), m.unit()) + " | "
                    + Format.time(m.percentile("100.0"), m.unit()) + " |")).orElse("| " + role + " | " + NOT_RUN
                    + " | | | | |"));
        }
        line("");
        line("`SQLITE_BUSY` or `SQLITE_LOCKED` errors that reached a caller: **"
                + mixed.flatMap(r -> r.secondary("busy")).map(b -> String.format(Locale.ROOT, "%.0f", b.score()))
                .orElse(NOT_RUN) + "**.");
        line("");
        line("**What to expect.** Readers never wait for writers (WAL), and writers of one process queue on the "
                + "source's write lock instead of meeting `SQLITE_BUSY`, so writes are serialized: two writer "
                + "threads share one writer's rate. The tail of the writers is the queue behind the other writer, "
                + "the occasional WAL checkpoint inside a commit, and, on 2 cores with 4 busy threads, the scheduler.");
        line("");
    }

    /** The measured time of a run: iterations × iteration time, to turn event counts into rates. */
    private static double measuredSeconds(Result result) {
        String[] time = result.json().path("measurementTime").asText("1 s").split(" ");
        double iteration = Format.seconds(Double.parseDouble(time[0]), time[1]);
        return iteration * result.json().path("measurementIterations").asInt(1);
    }

    private void issueNotes() {
        line("## Numbers asked for by issues 3 and 4");
        line("");
        line("- Issue 3, single-thread `addChatMessage` on a file database: "
                + score("WriteBenchmark.addChatMessage").map(r -> Format.rate(r) + " messages/s").orElse(NOT_RUN)
                + "; `getChatMessages(limit 50)` on 100,000 rows: " + time("SqliteReadBenchmark.latest50Direct")
                + " per call (`WriteBenchmark.addChatMessage`, `SqliteReadBenchmark.latest50Direct`).");
        line("- Issue 4, per-call overhead of the chain (`Storage` vs `InMemoryChatStore` directly): point read "
                + overhead("ChainOverheadBenchmark.pointRead") + ", `getChatMessages(limit 50)` "
                + overhead("ChainOverheadBenchmark.latest50") + " (`ChainOverheadBenchmark`; ± is the 99.9% confidence "
                + "half-width of the difference). Measure just these with `benchmarks/run.sh -- ChainOverhead` "
                + "(about 2 minutes; its report goes to `benchmarks/target/PERFORMANCE.md`).");
        line("");
    }

    private void rateRow(String label, String name) {
        line(results.get(name).map(r -> "| " + label + " | " + Format.rate(r.primary().score()) + " | "
                + Format.error(r.primary()) + " | " + Format.time(1e9 / r.primary().score(), "ns") + " |")
                .orElse("| " + label + " | " + NOT_RUN + " | | |"));
    }

    private void readRow(String label, String prefix, boolean withRaw) {
        line("| " + label + " | " + timeWithError(prefix + "Direct") + " | " + timeWithError(prefix + "Storage")
                + " | " + (withRaw ? timeWithError(prefix + "Raw") : "") + " | "
                + (withRaw ? PerformanceReport.ratio(results, prefix + "Storage", prefix + "Direct")
                        .map(r -> String.format(Locale.ROOT, "%.1f%%", r * 100)).orElse(NOT_RUN)
                        : overhead(prefix)) + " |");
    }

    private void sampleRow(String label, String name) {
        line(results.get(name).map(Result::primary).map(m -> "| " + label + " | "
                + Format.time(m.percentile("50.0"), m.unit()) + " | " + Format.time(m.percentile("90.0"), m.unit())
                + " | " + Format.time(m.percentile("99.0"), m.unit()) + " | " + Format.time(m) + " |")
                .orElse("| " + label + " | " + NOT_RUN + " | | | |"));
    }

    private String p50Ratio(String a, String b) {
        Optional<Metric> x = results.get(a).map(Result::primary);
        Optional<Metric> y = results.get(b).map(Result::primary);
        if (x.isEmpty() || y.isEmpty()) {
            return NOT_RUN;
        }
        double ratio = Format.nanos(x.get().percentile("50.0"), x.get().unit())
                / Format.nanos(y.get().percentile("50.0"), y.get().unit());
        return ratio < 1.5 ? String.format(Locale.ROOT, "%.0f%%", ratio * 100)
                : String.format(Locale.ROOT, "%.1f times", ratio);
    }

    private String timeWithError(String name) {
        return results.get(name).map(r -> (Format.time(r.primary()) + " " + Format.error(r.primary())).strip())
                .orElse(NOT_RUN);
    }

    private String time(String name) {
        return results.get(name).map(r -> Format.time(r.primary())).orElse(NOT_RUN);
    }

    private String overhead(String prefix) {
        Optional<Metric> storage = results.get(prefix + "Storage").map(Result::primary);
        Optional<Metric> direct = results.get(prefix + "Direct").map(Result::primary);
        if (storage.isEmpty() || direct.isEmpty()) {
            return NOT_RUN;
        }
        double ns = Format.nanos(storage.get().score(), storage.get().unit())
                - Format.nanos(direct.get().score(), direct.get().unit());
        double error = Math.hypot(storage.get().error(), direct.get().error());
        return String.format(Locale.ROOT, "%+.0f ns", ns) + (Double.isNaN(error) ? ""
                : String.format(Locale.ROOT, " (± %.0f)", Format.nanos(error, storage.get().unit())));
    }

    private Optional<Double> score(String name) {
        return results.get(name).map(r -> r.primary().score());
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
