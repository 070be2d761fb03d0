package vn.directivetracker.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the benchmark reads from the database besides the figures: quiet moments and row counts. */
final class Database {

    private final JdbcClient jdbc;

    Database(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits until no job is due and no email waits for the dispatcher, so figures do not overlap. */
    void awaitQuiet(Duration patience) {
        Poll.await(patience, "no due job and no pending email", () ->
                jdbc.sql("""
                        select (select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1
                                  and (duedate_ is null or duedate_ <= :now))
                             + (select count(*) from notification where status = 'PENDING')
                        """).param("now", new Timestamp(System.currentTimeMillis())).query(Long.class).single() == 0);
    }

    /** Row count of every Camunda runtime/history table, act_ge_bytearray and our own tables. */
    Map<String, Long> rowCounts() {
        List<String> tables = jdbc.sql("""
                select tablename from pg_tables where schemaname = 'public'
                  and (tablename like 'act\\_ru\\_%' or tablename like 'act\\_hi\\_%' or tablename = 'act_ge_bytearray'
                       or tablename not like 'act\\_%')
                  and tablename <> 'dt_schema_history'
                order by tablename""").query(String.class).list();
        Map<String, Long> counts = new LinkedHashMap<>();
        tables.forEach(t -> counts.put(t, jdbc.sql("select count(*) from " + t).query(Long.class).single()));
        return counts;
    }

    record RowsPer(String table, double perUnit) {}

    /** Rows added per unit (assignment, child) between two counts, largest first, with the total last. */
    static List<RowsPer> rowsPer(Map<String, Long> before, Map<String, Long> after, long units) {
        List<RowsPer> rows = new ArrayList<>();
        double total = 0;
        for (var entry : after.entrySet()) {
            long delta = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
            if (delta != 0) {
                rows.add(new RowsPer(entry.getKey(), (double) delta / units));
                total += (double) delta / units;
            }
        }
        rows.sort((a, b) -> Double.compare(b.perUnit(), a.perUnit()));
        rows.add(new RowsPer("total", total));
        return rows;
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    JdbcClient jdbc() {
        return jdbc;
    }
}
