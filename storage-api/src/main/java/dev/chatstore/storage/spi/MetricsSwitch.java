package dev.chatstore.storage.spi;

/**
 * The process-wide switch that turns Chatstore's Micrometer metrics off: {@code -Dchatstore.metrics=off}. The routing
 * chain reads it when a storage is built, the SQL backends when a source opens; with it, neither registers a meter
 * nor starts Micrometer, even when Micrometer is on the class path. For processes where nothing reads the registry:
 * the host sets it for every command but {@code serve}, since starting Micrometer cost a short command a twentieth of
 * its run (benchmarks/PERFORMANCE-NOTES.md, stop 24). Thread-safe (reads a system property).
 */
public final class MetricsSwitch {
    /** The system property; {@value #OFF} turns metrics off, any other value or none leaves them on. */
    public static final String PROPERTY = "chatstore.metrics";
    public static final String OFF = "off";

    private MetricsSwitch() {
    }

    /** Whether metrics are switched off now. */
    public static boolean off() {
        return OFF.equals(System.getProperty(PROPERTY));
    }
}
