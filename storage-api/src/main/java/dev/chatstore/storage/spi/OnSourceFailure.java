package dev.chatstore.storage.spi;

/** What a fan-out read does when one source fails or times out ({@code on-source-failure} in TOML). */
public enum OnSourceFailure {
    /** Return the other sources' rows and log one WARN naming the source and cause. The default. */
    SKIP("skip"),
    /** Throw {@link SourceUnavailableException} carrying the other sources' merged rows. */
    FAIL("fail");

    private final String value;

    OnSourceFailure(String value) {
        this.value = value;
    }

    /** The TOML spelling. */
    public String value() {
        return value;
    }
}
