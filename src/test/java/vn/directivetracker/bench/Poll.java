package vn.directivetracker.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a state the database or HTTP shows, looking every {@value #INTERVAL_MS} ms. */
final class Poll {

    static final long INTERVAL_MS = 10;

    private Poll() {}

    /** Seconds from {@code startNanos} until {@code done} answers true (the moment it was observed). */
    static double secondsUntil(long startNanos, Duration patience, String what, BooleanSupplier done) {
        long deadline = startNanos + patience.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not reached within " + patience + ": " + what);
            }
            sleep(INTERVAL_MS);
        }
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
