package vn.directivetracker.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The job executor asks for due jobs in due-date order, and every job has a due date (issue 11,
 * ADR 35). Camunda's default acquisition asks for {@code (DUEDATE_ IS NULL OR DUEDATE_ <= now)} with
 * no order; PostgreSQL answers that by collecting every due job (a bitmap of both index ranges of V38's
 * index) before it returns the first 30, so a morning of 10,000 due reminders made each acquisition
 * read the whole due set: 23 ms per acquisition, half of PostgreSQL's time in figure c. With
 * {@code ensureJobDueDateNotNull} (async continuations get "now" as their due date) the condition is
 * one index range, {@code DUEDATE_ <= now}, and with {@code jobExecutorAcquireByDueDate} the query
 * orders by it, so PostgreSQL walks V38's index from the oldest due job and stops after 30.
 *
 * <p>The two settings belong together, with the backfill: a job without a due date is not acquired any
 * more. Camunda sets one on every job it creates from now on; jobs written before this version (or by
 * a node of an older version) get the time of this node's start, once per start. Cockpit or REST can
 * still clear a job's due date by hand; such a job waits for the next start (ADR 35).
 */
@Component
class JobAcquisitionByDueDate extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionByDueDate.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnsureJobDueDateNotNull(true);
        configuration.setJobExecutorAcquireByDueDate(true);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        int updated = giveDueDates(configuration);
        if (updated > 0) {
            log.info("{} jobs without a due date were given this start's time, so the job executor acquires them (ADR 35)", updated);
        }
    }

    /**
     * Every job without a due date becomes due now. The revision goes up with it, so an engine that
     * holds the row (a node locking it this very moment) fails with Camunda's optimistic-locking error
     * and retries, rather than writing the empty due date back.
     */
    static int giveDueDates(ProcessEngineConfigurationImpl configuration) {
        String table = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
        try (Connection connection = configuration.getDataSource().getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update " + table + " set DUEDATE_ = ?, REV_ = REV_ + 1 where DUEDATE_ is null")) {
            update.setTimestamp(1, new Timestamp(ClockUtil.getCurrentTime().getTime()));
            int updated = update.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return updated;
        } catch (SQLException e) {
            throw new ProcessEngineException("Cannot give the jobs without a due date one (ADR 35)", e);
        }
    }
}
