package dev.chatstore.storage.testkit;

import dev.chatstore.storage.spi.ChatStore;

import java.time.Clock;
import java.time.Duration;

/** What the contract mixins need from {@link ChatStoreContract}: the store under test and its notion of time. */
interface StoreFixture {
    /** The store under test, fresh and empty for each test, behind the call-recording proxy. */
    ChatStore store();

    /** The store under test without the recording proxy, for its optional capabilities (ChatTransfer). */
    ChatStore rawStore();

    /** The clock the store stamps rows with. */
    Clock clock();

    /** Lets at least {@code duration} pass on {@link #clock()}. */
    void letTimePass(Duration duration) throws InterruptedException;
}
