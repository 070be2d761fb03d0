package vn.directivetracker.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import vn.directivetracker.support.WebSession;

/**
 * Figure e: {@code GET /api/statistics} as the coordinator (HTTP Basic) and {@code GET /dashboard/}
 * as the chairman (form login, session cookie), over M bulk-inserted assignments plus those of the
 * earlier figures. HTTP only, so it measures whatever the statistics code on the branch does.
 */
final class StatisticsScenario {

    /**
     * At most this long per endpoint: statistics that add up every assignment in Java take seconds
     * per request at 200k, and the run must stay short.
     */
    private static final java.time.Duration BUDGET = java.time.Duration.ofSeconds(90);

    private final BulkAssignments bulk;
    private final Database db;
    private final Http http;
    private final int port;

    StatisticsScenario(BulkAssignments bulk, Database db, Http http, int port) {
        this.bulk = bulk;
        this.db = db;
        this.http = http;
        this.port = port;
    }

    void run(int assignments, int requests, Figures figures) {
        long start = System.nanoTime();
        long inserted = bulk.insert(assignments);
        long total = db.count("select count(*) from assignment");
        System.out.printf("[bench] e. %d assignments bulk-inserted in %.1f s; %d in all%n", inserted,
                (System.nanoTime() - start) / 1e9, total);
        requireCounted(inserted);

        String statistics = measure("statistics", requests, () -> http.get("dieuphoi", "demo", "/api/statistics").statusCode());
        WebSession leader = new WebSession(port);
        var login = leader.login("lanhdaoubnd", "demo");
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Login as lanhdaoubnd failed: " + login.statusCode() + " " + login.headers().map());
        }
        String dashboard = measure("dashboard", requests, () -> leader.get("/dashboard/").statusCode());
        String size = String.format("%,d", total);
        figures.alone("e. GET /api/statistics over " + size + " assignments (bulk-inserted)", statistics, "p95 ≤ 300 ms at 1M");
        figures.alone("e. GET /dashboard/ over " + size + " assignments (bulk-inserted)", dashboard, "p95 ≤ 500 ms at 1M");
    }

    /**
     * At concurrency 4; if the application fails there (e.g. HTTP 500 from an OutOfMemoryError when
     * every request holds all assignments in memory), that is noted and the figure taken at c=1.
     */
    private static String measure(String what, int requests, Callable<Integer> request) {
        try {
            return "c=4: " + Latencies.measure(4, 4, requests, BUDGET, request).summary();
        } catch (IllegalStateException failed) {
            String cause = failed.getCause() != null && failed.getCause().getCause() != null
                    ? failed.getCause().getCause().getMessage() : failed.getMessage();
            System.out.println("[bench] e. " + what + " failed at c=4 (" + cause + "); measured again at c=1");
            return "c=4 failed (" + cause + ", see the log); c=1: "
                    + Latencies.measure(1, 1, requests, BUDGET, request).summary();
        }
    }

    /** Correctness: the statistics count at least every bulk-inserted assignment. */
    private void requireCounted(long inserted) {
        var response = http.get("dieuphoi", "demo", "/api/statistics");
        try {
            int counted = new ObjectMapper().readTree(response.body()).path("totals").path("total").asInt(-1);
            if (response.statusCode() != 200 || counted < inserted) {
                throw new IllegalStateException("Statistics count " + counted + " assignments, " + inserted + " were inserted: "
                        + response.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
