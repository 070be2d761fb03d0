package vn.directivetracker.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Waits for a state the database or HTTP shows. Timed waits look every {@value #INTERVAL_MS} ms;
 * a count read from the database is looked at every {@value #FAR_MS} ms while less than 90 % is
 * there, so the benchmark's own queries take little from the machine while the work is far from
 * done, and every {@value #INTERVAL_MS} ms near the end, where the clock stops.
 */
final class Poll {

    static final long INTERVAL_MS = 10;
    static final long FAR_MS = 200;
    private static final long UNTIMED_MS = 100;

    private Poll() {}

    /** Seconds from {@code startNanos} until {@code done} answers true (the moment it was observed). */
    static double secondsUntil(long startNanos, Duration patience, String what, BooleanSupplier done) {
        long deadline = startNanos + patience.toNanos();
        while (!done.getAsBoolean()) {
            check(deadline, patience, what);
            sleep(INTERVAL_MS);
        }
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Seconds from {@code startNanos} until {@code count} reaches {@code expected}. */
    static double secondsUntilCount(long startNanos, Duration patience, String what, int expected, IntSupplier count) {
        long deadline = startNanos + patience.toNanos();
        int seen;
        while ((seen = count.getAsInt()) < expected) {
            check(deadline, patience, what + " (" + seen + " of " + expected + ")");
            sleep(seen < expected * 0.9 ? FAR_MS : INTERVAL_MS);
        }
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Waits, untimed, between figures. */
    static void await(Duration patience, String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!done.getAsBoolean()) {
            check(deadline, patience, what);
            sleep(UNTIMED_MS);
        }
    }

    private static void check(long deadline, Duration patience, String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("Not reached within " + patience + ": " + what);
        }
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
