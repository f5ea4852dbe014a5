package dev.chatstore.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Live-thread snapshots, for checking that a closed storage left no pool or fan-out thread behind. */
final class Threads {
    /** Threads Chatstore and its pools start: fan-out workers and HikariCP's housekeeper, adder and closer. */
    static final Predicate<String> CHATSTORE = name -> name.startsWith("chatstore-") || name.contains("HikariPool")
            || name.contains("housekeeper") || name.contains("connection adder") || name.contains("connection closer");

    private Threads() {
    }

    static List<String> liveNames(Predicate<String> filter) {
        Set<Thread> threads = Thread.getAllStackTraces().keySet();
        return threads.stream().filter(Thread::isAlive).map(Thread::getName).filter(filter).sorted().toList();
    }

    /** Waits up to {@code timeout} for no live thread to match; returns those still alive then (empty = none). */
    static List<String> awaitNone(Predicate<String> filter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> alive = liveNames(filter);
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            ChildJvm.sleep(20);
            alive = liveNames(filter);
        }
        return alive;
    }
}
