package dev.chatstore.storage.routing;

import dev.chatstore.storage.spi.MetricsSwitch;
import dev.chatstore.storage.spi.OperationDescriptor;
import dev.chatstore.storage.spi.ReadOnlySourceException;
import dev.chatstore.storage.spi.SourceUnavailableException;
import dev.chatstore.storage.spi.StorageClosedException;

/**
 * What the chain reports about its calls, free of Micrometer types so that storage-routing runs in a bot without
 * Micrometer on its class path ({@link #NONE}); {@link MicrometerChainMetrics} is the one implementation that
 * records. Implementations are thread-safe and never throw from a recording method.
 */
interface ChainMetrics {
    /** The {@code source} tag of a call that reaches several sources: a fan-out read or a write split by chat. */
    String SEVERAL_SOURCES = "*";

    /** Records nothing; the chain leaves its metering layer out. */
    ChainMetrics NONE = new ChainMetrics() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void operation(OperationDescriptor operation, String source, Outcome outcome, long nanos) {
        }

        @Override
        public void fanOutSource(String operation, String source, Outcome outcome, long nanos) {
        }

        @Override
        public void skipped(String operation, String source, boolean timedOut) {
        }
    };

    /** How a call ended, the {@code outcome} tag. */
    enum Outcome {
        OK("ok"), READONLY("readonly"), UNAVAILABLE("unavailable"), ERROR("error");

        private final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }

        String tag() {
            return tag;
        }

        /** The outcome of a call that threw {@code failure}. */
        static Outcome of(Throwable failure) {
            if (failure instanceof ReadOnlySourceException) {
                return READONLY;
            }
            if (failure instanceof SourceUnavailableException || failure instanceof StorageClosedException) {
                return UNAVAILABLE;
            }
            return ERROR;
        }
    }

    /** Whether anything is recorded; when not, the chain has no metering layer at all. */
    boolean enabled();

    /** One call through the chain (or through a {@link Storage#source(String)} view). */
    void operation(OperationDescriptor operation, String source, Outcome outcome, long nanos);

    /** One source's share of a fan-out read, as seen on the fan-out thread. */
    void fanOutSource(String operation, String source, Outcome outcome, long nanos);

    /** A source left out of a fan-out read's result ({@code on-source-failure = "skip"}). */
    void skipped(String operation, String source, boolean timedOut);

    /**
     * Micrometer's global registry when Micrometer is on the class path (the host adds its Prometheus registry to
     * it; plugins record pool metrics to the same one), else {@link #NONE}; {@link #NONE} as well while metrics are
     * switched off ({@link MetricsSwitch}).
     */
    static ChainMetrics fromClassPath() {
        return MicrometerPresence.PRESENT && !MetricsSwitch.off() ? MicrometerChainMetrics.global() : NONE;
    }
}
