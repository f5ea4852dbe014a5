package dev.chatstore.storage.spi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-table row counts and content digests of one chat, fed by {@link ChatTransfer#exportChat} (use it as the
 * {@link ChatRowSink}). The digest of a table is the sum, lane by lane modulo 2<sup>64</sup>, of the SHA-256 of
 * each row's canonical encoding: it does not depend on row order (which differs between engines' collations), so
 * two sources holding the same rows give the same digest, and a missing, extra or changed row changes it. Not
 * thread-safe; feed it from the exporting thread.
 */
public final class ChatDigest implements ChatRowSink {
    /** One table's row count and digest (64 hex digits). */
    public record TableDigest(String table, long rows, String digest) {
    }

    private final Map<String, long[]> lanes = new LinkedHashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final MessageDigest sha;

    public ChatDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        for (TransferTable table : TransferTable.ALL) {
            lanes.put(table.name(), new long[4]);
            counts.put(table.name(), 0L);
        }
    }

    /** The digest of {@code chatId} in {@code store}, read by one streaming export. */
    public static List<TableDigest> of(ChatTransfer store, long chatId) {
        ChatDigest digest = new ChatDigest();
        store.exportChat(chatId, ChatTransfer.DEFAULT_BATCH, digest);
        return digest.tables();
    }

    @Override
    public void accept(TransferTable table, List<Object[]> rows) {
        long[] sum = lanes.computeIfAbsent(table.name(), n -> new long[4]);
        for (Object[] row : rows) {
            ByteBuffer hash = ByteBuffer.wrap(sha.digest(encode(row)));
            for (int i = 0; i < 4; i++) {
                sum[i] += hash.getLong();
            }
        }
        counts.merge(table.name(), (long) rows.size(), Long::sum);
    }

    /** Every table of {@link TransferTable#ALL}, in that order (a table without rows has count 0). */
    public List<TableDigest> tables() {
        List<TableDigest> result = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : lanes.entrySet()) {
            ByteBuffer bytes = ByteBuffer.allocate(32);
            for (long lane : entry.getValue()) {
                bytes.putLong(lane);
            }
            result.add(new TableDigest(entry.getKey(), counts.get(entry.getKey()), HexFormat.of().formatHex(bytes.array())));
        }
        return List.copyOf(result);
    }

    /** Total rows seen. */
    public long rows() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static byte[] encode(Object[] row) {
        StringBuilder text = new StringBuilder();
        for (Object value : row) {
            if (value == null) {
                text.append('N');
            } else if (value instanceof Long || value instanceof Integer) {
                text.append('I').append(((Number) value).longValue());
            } else if (value instanceof Double number) {
                text.append('R').append(Double.doubleToLongBits(number));
            } else if (value instanceof Boolean flag) {
                text.append(flag ? "B1" : "B0");
            } else if (value instanceof Instant instant) {
                text.append('T').append(instant.getEpochSecond());
            } else {
                String string = value.toString();
                text.append('S').append(string.length()).append(':').append(string);
            }
            text.append('|');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
