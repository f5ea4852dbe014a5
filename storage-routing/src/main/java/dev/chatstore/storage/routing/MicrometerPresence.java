package dev.chatstore.storage.routing;

/** Whether Micrometer is on the class path, checked once without loading any of this module's Micrometer code. */
final class MicrometerPresence {
    static final boolean PRESENT = present();

    private MicrometerPresence() {
    }

    private static boolean present() {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, MicrometerPresence.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
