package dev.chatstore.host.telegram;

import java.util.ArrayList;
import java.util.List;

/** An {@link IngestListener} that keeps every call as a line of text, for assertions. */
final class RecordingListener implements IngestListener {
    final List<String> malformed = new ArrayList<>();
    final List<String> refused = new ArrayList<>();
    final List<String> failed = new ArrayList<>();
    final List<Long> progress = new ArrayList<>();

    @Override
    public void onMalformed(long line, String reason) {
        malformed.add(line + ": " + reason);
    }

    @Override
    public void onRefused(long chatId, String source, String message) {
        refused.add(chatId + " " + source + ": " + message);
    }

    @Override
    public void onFailed(long line, String message) {
        failed.add(line + ": " + message);
    }

    @Override
    public void onProgress(long linesRead) {
        progress.add(linesRead);
    }
}
