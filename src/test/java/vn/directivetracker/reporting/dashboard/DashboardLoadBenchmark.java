package vn.directivetracker.reporting.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import vn.directivetracker.bench.BulkAssignments;
import vn.directivetracker.bench.Latencies;
import vn.directivetracker.support.TestMailServer;
import vn.directivetracker.support.WebSession;

/**
 * Figure e's dashboard taken apart (ADR 24): the whole application over HTTP on a PostgreSQL the
 * caller started by hand with {@code pg_stat_statements} (so the data, bulk-inserted once, survive
 * between the before and after runs), at c=4 and c=1: the HTTP request (security filter chain,
 * session, service, Thymeleaf), the service alone ({@link DashboardService#build}, c=4 from the
 * pool), the template alone, the statements one request runs with their database time, and the
 * indexes they scan. JVM CPU per request is the whole process's (warm-up included), the client's too.
 * Not part of verify (surefire excludes *Benchmark*); asserts nothing. Run:
 * <pre>
 * # a PostgreSQL 15 with pg_stat_statements (Debian's; as root, run it as the postgres user):
 * initdb -D /tmp/pgdash/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8
 * pg_ctl -D /tmp/pgdash/data -l /tmp/pgdash/pg.log -o "-p 55432 -k /tmp/pgdash \
 *     -c shared_preload_libraries=pg_stat_statements -c listen_addresses=localhost" start
 * psql -h localhost -p 55432 -U postgres -c "create extension pg_stat_statements"
 * ./mvnw -B -o test -Dtest=DashboardLoadBenchmark -Dbench.jdbcUrl=jdbc:postgresql://localhost:55432/postgres \
 *     -Dbench.assignments=1000000
 * </pre>
 * {@code -Dbench.past=false} leaves out the past reference date (seconds per request); {@code -Dbench.runs=60}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "directive-tracker.demo.load-seed-directive=false",
        "directive-tracker.demo.load-demo-scenario=false",
        "logging.level.org.camunda.bpm.engine.jobexecutor=warn",
        "logging.level.org.camunda.bpm.engine.context=error",
        "logging.level.com.icegreen=warn"})
class DashboardLoadBenchmark {

    private static final int ASSIGNMENTS = Integer.getInteger("bench.assignments", 1_000_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 60);
    private static final LocalDate PAST = LocalDate.of(2025, 12, 14);

    @Autowired JdbcClient jdbc;
    @Autowired DashboardService dashboard;
    @Autowired SpringTemplateEngine templates;
    @LocalServerPort int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> System.getProperty("bench.jdbcUrl",
                "jdbc:postgresql://localhost:55432/postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMailServer::port);
    }

    @Test
    void dashboard() throws Exception {
        long count = jdbc.sql("select count(*) from assignment").query(Long.class).single();
        if (count < ASSIGNMENTS) {
            long start = System.nanoTime();
            new BulkAssignments(jdbc).insert((int) (ASSIGNMENTS - count));
            System.out.printf("BENCH inserted in %d s%n", (System.nanoTime() - start) / 1_000_000_000);
        }
        System.out.printf("BENCH data: %d assignments, %d deadline changes, load %s%n",
                jdbc.sql("select count(*) from assignment").query(Long.class).single(),
                jdbc.sql("select count(*) from deadline_change").query(Long.class).single(), load());

        WebSession leader = new WebSession(port);
        var login = leader.login("lanhdaoubnd", "demo");
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Login failed: " + login.headers().map());
        }
        LocalDate today = LocalDate.now();
        DashboardView view = dashboard.build(today, null, null);
        System.out.printf("BENCH page: %d bars, %d overdue listed (+%d), %d due soon (+%d), %d directives (+%d), %d bytes%n",
                view.bars().size(), view.overdue().size(), view.overdueHidden(), view.dueSoon().size(), view.dueSoonHidden(),
                view.directives().size(), view.directivesHidden(), leader.get("/dashboard/").body().length());

        statements("today", () -> leader.get("/dashboard/").statusCode());
        boolean past = !"false".equals(System.getProperty("bench.past"));
        if (past) {
            statements("14/12/2025", () -> leader.get("/dashboard/?asOf=" + PAST).statusCode());
        }

        for (int c : new int[] {4, 1}) {
            time("HTTP /dashboard/ today", c, RUNS, () -> leader.get("/dashboard/").statusCode());
            time("service build today", c, RUNS, () -> dashboard.build(today, null, null) != null ? 200 : 500);
            time("template only today", c, RUNS, () -> render(view).length() > 0 ? 200 : 500);
            if (past) {
                time("HTTP /dashboard/ 14/12/2025", c, RUNS / 3, () -> leader.get("/dashboard/?asOf=" + PAST).statusCode());
                time("service build 14/12/2025", c, RUNS / 3, () -> dashboard.build(PAST, null, null) != null ? 200 : 500);
            }
        }
        System.out.println("BENCH load after: " + load());
    }

    private String render(DashboardView view) {
        var exchange = JakartaServletWebApplication.buildApplication(new MockServletContext())
                .buildExchange(new MockHttpServletRequest("GET", "/dashboard/"), new MockHttpServletResponse());
        return templates.process("dashboard/index", new WebContext(exchange, Locale.forLanguageTag("vi"),
                Map.of("view", view, "legend", DashboardView.LEGEND, "kinds", DashboardController.KIND_LABELS)));
    }

    /** The statements of 10 requests (after a warm-up), from pg_stat_statements: calls and time per request. */
    private void statements(String what, Callable<Integer> request) throws Exception {
        for (int i = 0; i < 3; i++) {
            request.call();
        }
        jdbc.sql("select pg_stat_statements_reset()").query().listOfRows();
        Map<String, Long> scansBefore = indexScans();
        int n = 10;
        for (int i = 0; i < n; i++) {
            request.call();
        }
        Thread.sleep(1500); // statistics reach the shared counters within a second
        Map<String, Long> scansAfter = indexScans();
        scansAfter.forEach((index, scans) -> {
            if (scans - scansBefore.getOrDefault(index, 0L) > 0) {
                System.out.printf("BENCH   index %s: %.1f scans per request%n", index,
                        (scans - scansBefore.getOrDefault(index, 0L)) / (double) n);
            }
        });
        List<Map<String, Object>> rows = jdbc.sql("""
                select calls, round(total_exec_time::numeric, 1) as ms, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) as q
                from pg_stat_statements where query not like '%pg_stat_statements%' order by total_exec_time desc""")
                .query().listOfRows();
        double total = rows.stream().mapToDouble(r -> ((Number) r.get("ms")).doubleValue()).sum();
        long calls = rows.stream().mapToLong(r -> ((Number) r.get("calls")).longValue()).sum();
        System.out.printf("BENCH statements per dashboard request (%s): %.1f statements, %.1f ms database time%n", what,
                calls / (double) n, total / n);
        for (Map<String, Object> r : rows) {
            System.out.printf("BENCH   %5.1f calls %7.2f ms %7.1f rows  %s%n", ((Number) r.get("calls")).doubleValue() / n,
                    ((Number) r.get("ms")).doubleValue() / n, ((Number) r.get("rows")).doubleValue() / n, r.get("q"));
        }
    }

    /** Scans per index of our tally and assignment tables (which indexes a request uses). */
    private Map<String, Long> indexScans() {
        Map<String, Long> scans = new java.util.TreeMap<>();
        jdbc.sql("select relname || '.' || indexrelname as name, idx_scan from pg_stat_user_indexes"
                + " where relname in ('assignment', 'assignment_tally_agency', 'assignment_tally_directive', 'deadline_change')")
                .query((rs, i) -> scans.put(rs.getString(1), rs.getLong(2))).list();
        return scans;
    }

    private static String load() throws Exception {
        return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim();
    }

    private static void time(String what, int concurrency, int runs, Callable<Integer> request) throws Exception {
        int warmUp = Math.max(4, concurrency * 2);
        long cpu0 = processCpuNanos();
        long wall0 = System.nanoTime();
        Latencies latencies = Latencies.measure(concurrency, warmUp, runs, java.time.Duration.ofMinutes(10), request);
        System.out.printf("BENCH %-30s c=%d n=%3d p50 %7.1f ms  p95 %7.1f ms  max %7.1f  JVM CPU %5.1f ms/req  load %s%n",
                what, concurrency, runs, latencies.percentile(50), latencies.percentile(95), latencies.percentile(100),
                (processCpuNanos() - cpu0) / 1e6 / (warmUp + runs), load());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
