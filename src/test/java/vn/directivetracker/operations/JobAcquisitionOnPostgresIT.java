package vn.directivetracker.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.directivetracker.support.EmbeddedPostgresConfig;

/**
 * {@link JobAcquisitionByDueDateTest} on a real PostgreSQL 15, and V41 (ADR 38) there: Camunda's job
 * acquisition finds the locked exclusive jobs it must keep apart through the lock-expiry index, instead
 * of reading every waiting job. Measured with the server's own counters for this transaction
 * ({@code pg_stat_xact_user_tables}); everything the test writes is rolled back. Without V41 the plan depends on the table's statistics: with thousands of due
 * jobs (figure c) PostgreSQL read the whole of ACT_RU_JOB for this check once per acquisition.
 */
@Import(EmbeddedPostgresConfig.class)
class JobAcquisitionOnPostgresIT extends JobAcquisitionByDueDateTest {

    private static final int WAITING_TIMERS = 5000;

    @Autowired PlatformTransactionManager transactions;

    @Test
    void theAcquisitionReadsTheLockedJobsByIndexNotTheWholeTable() {
        String due = probeJob().getId();
        String locked = probeJob().getId();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            // Thousands of waiting timers, as every open assignment holds one, and one job in a job executor's hands.
            jdbc.sql("create temporary table waiting_timers on commit drop as "
                    + "select j.* from ACT_RU_JOB j cross join generate_series(1, " + WAITING_TIMERS + ") where j.ID_ = ?")
                    .param(due).update();
            jdbc.sql("update waiting_timers set ID_ = gen_random_uuid()::text, TYPE_ = 'timer', "
                    + "DUEDATE_ = localtimestamp + interval '30 days'").update();
            jdbc.sql("insert into ACT_RU_JOB select * from waiting_timers").update();
            jdbc.sql("update ACT_RU_JOB set LOCK_OWNER_ = 'another-node', LOCK_EXP_TIME_ = ? where ID_ = ?")
                    .params(new Date(System.currentTimeMillis() + 60_000), locked).update();
            jdbc.sql("analyze ACT_RU_JOB").update();

            Map<String, Long> withIndex = scansOfJobTableDuring(() ->
                    assertThat(acquirable(30)).as("the due job, not the locked one").contains(due).doesNotContain(locked));
            assertThat(withIndex.get("seq")).as("whole-table reads of ACT_RU_JOB with V41's index").isZero();
            assertThat(withIndex.get("index")).isPositive();
        });
        assertThat(jdbc.sql("select count(*) from ACT_RU_JOB where TYPE_ = 'timer' and PROCESS_INSTANCE_ID_ = "
                + "(select PROCESS_INSTANCE_ID_ from ACT_RU_JOB where ID_ = ?)").param(due).query(Long.class).single())
                .as("the waiting timers are rolled back").isZero();
    }

    private Map<String, Long> scansOfJobTableDuring(Runnable acquisition) {
        Map<String, Long> before = scansOfJobTable();
        acquisition.run();
        Map<String, Long> after = scansOfJobTable();
        return Map.of("seq", after.get("seq") - before.get("seq"), "index", after.get("index") - before.get("index"));
    }

    /** This transaction's scans of ACT_RU_JOB so far, as the server counts them. */
    private Map<String, Long> scansOfJobTable() {
        return jdbc.sql("select seq_scan, coalesce(idx_scan, 0) from pg_stat_xact_user_tables where relname = 'act_ru_job'")
                .query((row, n) -> Map.of("seq", row.getLong(1), "index", row.getLong(2))).single();
    }
}
