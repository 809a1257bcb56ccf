package io.windlass.system;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for an observable condition instead of sleeping for a guessed time. */
public final class Poller {
    private final Duration timeout;
    private final Duration interval;

    public Poller(Duration timeout, Duration interval) {
        this.timeout = timeout;
        this.interval = interval;
    }

    /** The default of the system tests: 60 s, checked every 200 ms. */
    public static Poller standard() {
        return new Poller(Duration.ofSeconds(60), Duration.ofMillis(200));
    }

    /**
     * Reads {@code probe} until {@code done} accepts a value and returns that value; on time-out
     * fails with the description and the last value seen, which is what one needs to debug it.
     */
    public <T> T until(String description, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + description
                        + "; last observed: " + last);
            }
            pause(interval);
            last = probe.get();
        }
        return last;
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
