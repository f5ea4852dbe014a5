package dev.chatstore.host;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code move-chat} did for one chat, printed as text or JSON. Mutable while the move runs; not thread-safe.
 */
final class MoveResult {
    /** One step: copy, verify, switch, delete; status done, skipped, failed or planned (dry run). */
    record Step(String step, String status, long rows, String detail) {
    }

    /** Per-table verification: row counts and whether the digests are equal. */
    record TableCheck(String table, long sourceRows, long targetRows, boolean equal) {
    }

    public long chat;
    public String from;
    public String to;
    public boolean dryRun;
    public boolean resumed;
    public boolean targetOpenedWritable;
    public String outcome = "running";
    public final List<Step> steps = new ArrayList<>();
    public final List<TableCheck> tables = new ArrayList<>();
    public String error;
}
