package dev.chatstore.host;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test hooks of {@code move-chat}: with {@code CHATSTORE_TEST_PAUSE_AT=<point>} and
 * {@code CHATSTORE_TEST_PAUSE_FILE=<file>} in the environment, the mover prints {@code paused at <point>} on stderr
 * at that point and waits until the file exists, so a test can kill it with SIGKILL there, or change a source under
 * it. Points: {@code copying} (after the first batch), {@code copied}, {@code verified}, {@code switched},
 * {@code acknowledged} (every running serve applied the route), {@code catching-up} (before the catch-up's first
 * write), {@code caught-up}, {@code deleted}. Without the variables it does nothing.
 */
final class MoveHooks {
    private static final String POINT = System.getenv("CHATSTORE_TEST_PAUSE_AT");
    private static final String FILE = System.getenv("CHATSTORE_TEST_PAUSE_FILE");

    private MoveHooks() {
    }

    static void at(String point) {
        if (POINT == null || FILE == null || !POINT.equals(point)) {
            return;
        }
        System.err.println("paused at " + point);
        System.err.flush();
        Path release = Path.of(FILE);
        while (!Files.exists(release)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
