package vn.directivetracker.reporting.statistics;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.junit.jupiter.api.Test;
import vn.directivetracker.bench.BulkAssignments;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.directivetracker.assignment.DeadlineHistory;
import vn.directivetracker.assignment.DeadlineSettings;
import vn.directivetracker.calendar.HolidayRepository;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.reporting.dashboard.DashboardService;
import vn.directivetracker.reporting.dashboard.LegacyDashboard;

/**
 * Before/after timing of the statistics and the dashboard over a bulk-inserted data set on
 * PostgreSQL 15 (zonky), service methods called directly (no HTTP). Not part of verify (surefire
 * excludes *Benchmark*); asserts nothing. Run:
 * {@code ./mvnw -B -o test -Dtest=SqlAggregationBenchmark -Dbench.assignments=1000000}.
 * Prints p50/p95 in ms for the former Java aggregation ("legacy", kept in test code) and the current
 * services, run back to back on the same data; {@code -Dbench.legacyRuns=0} skips the former,
 * {@code -Dbench.data=volume} uses the former data set ({@link StatisticsVolume}, 85 % completed) instead of
 * figure e's ({@link BulkAssignments}, ~45 % open), {@code -Dbench.explain=true} prints the plans (EXPLAIN ANALYZE) of the current queries first.
 */
class SqlAggregationBenchmark {

    private static final int ASSIGNMENTS = Integer.getInteger("bench.assignments", 1_000_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 20);
    private static final int LEGACY_RUNS = Integer.getInteger("bench.legacyRuns", 5);

    @Test
    void statisticsAndDashboard() throws Exception {
        try (EmbeddedPostgres postgres = StatisticsDatabases.postgres("sql-aggregation-benchmark")) {
            DataSource dataSource = StatisticsDatabases.migrated(postgres.getPostgresDatabase());
            JdbcClient jdbc = JdbcClient.create(dataSource);
            long start = System.nanoTime();
            if ("volume".equals(System.getProperty("bench.data"))) {
                StatisticsVolume.insert(jdbc, ASSIGNMENTS);
            } else {
                // Figure e's data set (bench/run.sh), the worst case: ~45 % of the rows open.
                StatisticsVolume.agencies(jdbc);
                StatisticsVolume.holidays(jdbc);
                new BulkAssignments(jdbc).insert(ASSIGNMENTS);
            }
            System.out.printf("BENCH data: %d assignments, %d deadline changes, inserted in %d s%n",
                    jdbc.sql("select count(*) from assignment").query(Long.class).single(),
                    jdbc.sql("select count(*) from deadline_change").query(Long.class).single(),
                    (System.nanoTime() - start) / 1_000_000_000);

            WorkingDayCalendar calendar = new WorkingDayCalendar(new HolidayRepository(jdbc));
            DeadlineSettings settings = new DeadlineSettings(2, 3, 5, 10, LocalTime.of(8, 0));
            TrackedAssignments tracked = new TrackedAssignments(jdbc, new DeadlineHistory(jdbc));
            LegacyStatistics legacy = new LegacyStatistics(tracked, calendar, settings);
            LegacyDashboard legacyDashboard = new LegacyDashboard(tracked, legacy, calendar, null);
            // -Dbench.pool=true: the timed services use a connection pool, as the application does; without
            // it every statement opens a connection (several ms each under load), which weighs on the
            // request that issues more small statements.
            JdbcClient timed = jdbc;
            if (Boolean.getBoolean("bench.pool")) {
                com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource();
                pool.setDataSource(postgres.getPostgresDatabase());
                pool.setMaximumPoolSize(4);
                timed = JdbcClient.create(pool);
            }
            StatisticsService current = Services.statistics(timed, calendar, settings);
            DashboardService dashboard = Services.dashboard(timed, current, calendar);
            Explaining explaining = new Explaining(postgres.getPostgresDatabase());
            StatisticsService explained = Services.statistics(JdbcClient.create(explaining), calendar, settings);
            DashboardService explainedDashboard = Services.dashboard(JdbcClient.create(explaining), explained, calendar);

            LocalDate today = LocalDate.now(); // the data are relative to current_date
            LocalDate pastCutOff = LocalDate.of(2025, 12, 14);
            StatisticsFilter all = new StatisticsFilter(null, null, null, null, today);
            StatisticsFilter past = new StatisticsFilter(null, null, null, null, pastCutOff);
            StatisticsFilter oneAgency = new StatisticsFilter(null, null, null, Set.of("AG017"), today);

            if (Boolean.getBoolean("bench.explain")) {
                explained.compute(all, null);
                explained.compute(past, null);
                explained.compute(oneAgency, null);
                explainedDashboard.build(today, null, null);
                explainedDashboard.build(pastCutOff, null, null);
            }
            time("legacy statistics, today", LEGACY_RUNS, () -> legacy.compute(all, null));
            time("current statistics, today", RUNS, () -> current.compute(all, null));
            time("legacy statistics, 14/12/2025", LEGACY_RUNS, () -> legacy.compute(past, null));
            time("current statistics, 14/12/2025", RUNS, () -> current.compute(past, null));
            time("legacy statistics, one agency", LEGACY_RUNS, () -> legacy.compute(oneAgency, null));
            time("current statistics, one agency", RUNS, () -> current.compute(oneAgency, null));
            time("legacy dashboard, today", LEGACY_RUNS, () -> legacyDashboard.build(today, null, null));
            time("current dashboard, today", RUNS, () -> dashboard.build(today, null, null));
            time("legacy dashboard, 14/12/2025", LEGACY_RUNS, () -> legacyDashboard.build(pastCutOff, null, null));
            time("current dashboard, 14/12/2025", RUNS, () -> dashboard.build(pastCutOff, null, null));
        }
    }

    /** Prints the plan (EXPLAIN ANALYZE, BUFFERS) of every query before running it. */
    private static final class Explaining extends NamedParameterJdbcTemplate {
        Explaining(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        public <T> List<T> query(String sql, SqlParameterSource params, RowMapper<T> rowMapper) {
            if (sql.startsWith("select")) {
                System.out.println("BENCH plan of " + sql.replaceAll("\\s+", " ") + "\n"
                        + String.join("\n", super.query("explain (analyze, buffers) " + sql, params, (rs, i) -> rs.getString(1))));
            }
            return super.query(sql, params, rowMapper);
        }
    }

    private static void time(String what, int runs, Supplier<?> call) {
        if (runs == 0) {
            return;
        }
        for (int i = 0; i < Math.min(2, runs); i++) {
            call.get();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            call.get();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("BENCH %-34s n=%2d p50 %8.1f ms  p95 %8.1f ms  max %8.1f ms%n", what, runs,
                ms.get((int) Math.ceil(runs * 0.50) - 1), ms.get((int) Math.ceil(runs * 0.95) - 1), ms.get(runs - 1));
    }
}
