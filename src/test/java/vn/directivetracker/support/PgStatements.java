package vn.directivetracker.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's own per-statement figures ({@code pg_stat_statements}) for the benchmarks, when run with
 * {@code -Dbench.pg-statements=true}: which statements took the server's time during a figure, how
 * often per item, how many rows and buffer blocks each call touched. Never on in {@code verify}: the
 * module is preloaded only when asked for (a server setting, so it is chosen when the server starts).
 */
public final class PgStatements {

    private static final int QUERY_CHARS = 240;

    private PgStatements() {
    }

    public static boolean enabled() {
        return Boolean.getBoolean("bench.pg-statements");
    }

    /** Preloads the module on a server about to start, when asked for. */
    public static EmbeddedPostgres.Builder configure(EmbeddedPostgres.Builder builder) {
        if (!enabled()) {
            return builder;
        }
        // Planning time too, and every autovacuum run in the server log (target/bench-postgres-server.log):
        // the server's work that no statement of ours shows.
        builder.setServerConfig("pg_stat_statements.track_planning", "on")
                .setServerConfig("log_autovacuum_min_duration", "0")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(new java.io.File("target/bench-postgres-server.log")));
        // -Dbench.pg-explain-ms=N: the plan, with rows and buffers, of every statement slower than N ms
        // in the server log (auto_explain; timing per node off, as it costs more than it tells here).
        String explainMs = System.getProperty("bench.pg-explain-ms", "");
        if (explainMs.isBlank()) {
            return builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        return builder.setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
                .setServerConfig("auto_explain.log_min_duration", Integer.parseInt(explainMs) + "ms")
                .setServerConfig("auto_explain.log_analyze", "on")
                .setServerConfig("auto_explain.log_buffers", "on")
                .setServerConfig("auto_explain.log_timing", "off");
    }

    /** Forgets what was counted so far (creating the extension on first use). */
    public static void reset(JdbcClient jdbc) {
        if (enabled()) {
            jdbc.sql("create extension if not exists pg_stat_statements").update();
            jdbc.sql("select pg_stat_statements_reset()").query().singleValue();
        }
    }

    /** Prints the statements that took most of the execution time since {@link #reset}, per item. */
    public static void print(JdbcClient jdbc, String label, long items) {
        if (!enabled()) {
            return;
        }
        double total = jdbc.sql("select coalesce(sum(total_exec_time), 0) from pg_stat_statements").query(Double.class).single();
        long calls = jdbc.sql("select coalesce(sum(calls), 0) from pg_stat_statements").query(Long.class).single();
        double planning = jdbc.sql("select coalesce(sum(total_plan_time), 0) from pg_stat_statements").query(Double.class).single();
        System.out.printf("[pg-statements %s] %.2f ms of execution, %.2f ms of planning and %.1f statements per item (%d items)%n",
                label, total / items, planning / items, calls / (double) items, items);
        jdbc.sql("""
                select calls, total_exec_time, rows, shared_blks_hit + shared_blks_read as blocks, query
                from pg_stat_statements order by total_exec_time desc limit 30""")
                .query(rs -> {
                    long n = rs.getLong(1);
                    String query = rs.getString(5).replaceAll("\\s+", " ");
                    System.out.printf("[pg-statements %s] %5.1f%% | %.2f calls/item | %.3f ms/call | %.1f rows/call | %.0f blocks/call | %s%n",
                            label, 100 * rs.getDouble(2) / total, n / (double) items, rs.getDouble(2) / n,
                            rs.getDouble(3) / n, rs.getDouble(4) / n, query.substring(0, Math.min(QUERY_CHARS, query.length())));
                });
    }
}
