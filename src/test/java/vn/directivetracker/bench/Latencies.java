package vn.directivetracker.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Response times of one request repeated by a few concurrent clients, and their percentiles. */
public record Latencies(List<Double> millis, int concurrency) {

    /**
     * Sends {@code warmUp} requests (not counted), then {@code count} requests from {@code concurrency}
     * threads, but starts no new one after {@code budget} (slow endpoints get fewer samples; the
     * summary says how many). {@code request} answers the HTTP status; anything but 200 fails the run.
     */
    public static Latencies measure(int concurrency, int warmUp, int count, Duration budget, Callable<Integer> request) {
        warmUp(concurrency, warmUp, budget, request);
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        run(concurrency, count, budget, request, millis);
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Latencies(sorted, concurrency);
    }

    /** Sends {@code count} requests from {@code concurrency} threads within {@code budget}, timing none. */
    public static void warmUp(int concurrency, int count, Duration budget, Callable<Integer> request) {
        run(concurrency, count, budget, request, new ArrayList<>());
    }

    private static void run(int concurrency, int count, Duration budget, Callable<Integer> request, List<Double> millis) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger left = new AtomicInteger(count);
        long end = System.nanoTime() + budget.toNanos();
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                clients.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0 && System.nanoTime() < end) {
                        long start = System.nanoTime();
                        int status = request.call();
                        millis.add((System.nanoTime() - start) / 1e6);
                        if (status != 200) {
                            throw new IllegalStateException("HTTP " + status);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The samples of both, as one measurement (same concurrency). */
    public Latencies plus(Latencies other) {
        List<Double> all = new ArrayList<>(millis);
        all.addAll(other.millis);
        Collections.sort(all);
        return new Latencies(all, concurrency);
    }

    public double percentile(double p) {
        int index = (int) Math.ceil(p / 100 * millis.size()) - 1;
        return millis.get(Math.max(0, Math.min(index, millis.size() - 1)));
    }

    /** "p95 54 ms / p50 31 ms (n=300)". */
    String summary() {
        return String.format("p95 %.0f ms / p50 %.0f ms (n=%d)", percentile(95), percentile(50), millis.size());
    }
}
