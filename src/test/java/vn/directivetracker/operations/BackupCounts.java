package vn.directivetracker.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a backup must bring back: rows of our tables and of the engine's, counted per table. */
final class BackupCounts {

    private static final Map<String, String> COUNTS = new LinkedHashMap<>();

    static {
        COUNTS.put("directive", "select count(*) from directive");
        COUNTS.put("assignment", "select count(*) from assignment");
        COUNTS.put("journal", "select count(*) from directive_event");
        COUNTS.put("outbox", "select count(*) from notification");
        COUNTS.put("agency", "select count(*) from agency");
        COUNTS.put("processInstances", "select count(*) from ACT_RU_EXECUTION where ID_ = PROC_INST_ID_");
        COUNTS.put("tasks", "select count(*) from ACT_RU_TASK");
        COUNTS.put("jobs", "select count(*) from ACT_RU_JOB");
        COUNTS.put("historicProcessInstances", "select count(*) from ACT_HI_PROCINST");
        COUNTS.put("users", "select count(*) from ACT_ID_USER");
        COUNTS.put("authorizations", "select count(*) from ACT_RU_AUTHORIZATION");
        COUNTS.put("deployments", "select count(*) from ACT_RE_DEPLOYMENT");
        COUNTS.put("migrations", "select count(*) from dt_schema_history");
    }

    private BackupCounts() {}

    static Map<String, Long> of(JdbcClient db) {
        Map<String, Long> counts = new LinkedHashMap<>();
        COUNTS.forEach((name, sql) -> counts.put(name, db.sql(sql).query(Long.class).single()));
        return counts;
    }
}
