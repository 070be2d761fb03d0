package vn.directivetracker.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.pvm.PvmScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.directivetracker.assignment.AgencyAssignmentProcess;
import vn.directivetracker.directive.DirectiveExecutionProcess;

/**
 * History level {@code full-without-details} (ADR 17): everything Camunda's {@code full} records —
 * the user operation log the audit trail reads ({@link AuditTrail}; Camunda writes it at {@code full}
 * only), tasks, activities, identity links, job log, incidents, each variable's latest value — except
 * the row per variable change ({@code ACT_HI_DETAIL}: every value a variable ever had, and form
 * property updates). Our own tables keep what was decided and reported ({@code progress_report},
 * {@code directive_event}, {@code extension_request}); the details doubled every variable written.
 * Nor, since ADR 37, a job's success, nor the activity instances of the deadline watch's timers and
 * gateways ({@link AgencyAssignmentProcess.Elements#WATCH_PLUMBING}): a morning of reminders wrote five
 * rows per reminder that said only that a timer had fired; the reminder itself is recorded. Nor, since
 * ADR 39, the activity instances of an assignment's start ({@link AgencyAssignmentProcess.Elements#START_PLUMBING})
 * and of the fan-out's steps per agency and chunk ({@link DirectiveExecutionProcess.Elements#FAN_OUT_PLUMBING}):
 * three of an assignment's four activity rows at issue, each saying what its process instance row says.
 *
 * <p>Selected with {@code camunda.bpm.history-level: full-without-details}. Camunda refuses to start
 * when the level stored in the database differs from the configured one; both this level and
 * {@code full} write the same tables, so before the engine checks, the plugin switches a database
 * between the two (either way) — any other stored level is left for Camunda to refuse.
 */
@Component
class AuditHistoryLevel extends AbstractProcessEnginePlugin implements HistoryLevel {

    static final String NAME = "full-without-details";
    /** Not one of Camunda's (0–3); stored in ACT_GE_PROPERTY 'historyLevel'. */
    static final int ID = 17;

    private static final Logger log = LoggerFactory.getLogger(AuditHistoryLevel.class);

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /**
     * Variables the engine keeps for a multi-instance activity's own counting: nobody reads their
     * history (issue 11, ADR 28).
     */
    private static final Set<String> MULTI_INSTANCE_COUNTERS =
            Set.of("loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances");

    /** The events of an activity instance's row in ACT_HI_ACTINST (ADR 37). */
    private static final Set<HistoryEventType> ACTIVITY_INSTANCE_EVENTS = Set.of(HistoryEventTypes.ACTIVITY_INSTANCE_START,
            HistoryEventTypes.ACTIVITY_INSTANCE_END, HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE, HistoryEventTypes.ACTIVITY_INSTANCE_MIGRATE);

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL || eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE) {
            return false;
        }
        // Issue 11, ADR 28: a fan-out wrote, per assignment, two job-log rows saying its two timers were
        // created and two variable-history rows for the engine's loop counter and the parent's
        // multi-instance element; nothing reads them (the audit trail reads the operation log and task
        // history, Cockpit CE shows no job log). A job's failure, success and deletion stay in the log.
        if (eventType == HistoryEventTypes.JOB_CREATE) {
            return false;
        }
        // Issue 11, ADR 37: a morning of 10,000 reminders wrote, per reminder, the job's success and the
        // activity instances of the timer that fired, the gateway it passed and the next timer it waits
        // at: five statements of ~30. What a job did stays in the history (its activities, a reminder's
        // service task and outbox row); a failure (with its stack trace) and a deletion stay in the log.
        if (eventType == HistoryEventTypes.JOB_SUCCESS) {
            return false;
        }
        if (ACTIVITY_INSTANCE_EVENTS.contains(eventType) && isPlumbing(entity)) {
            return false;
        }
        // Decided by name and process alone, so every event of such a variable (create, update,
        // delete, migrate) is skipped alike: an update never looks for a row that was not written.
        return !(entity instanceof VariableInstanceEntity variable && isFanOutBookkeeping(variable));
    }

    /**
     * An element whose activity instance says only how a process waits, begins or fans out (ADR 37, 39),
     * found as Camunda's history producer finds the activity of an execution's event (its activity,
     * else the event source), so that a start and its end are always decided alike:
     * {@code agency-assignment}'s deadline watch (timers, gateways) and its start (start event, the
     * notice), {@code directive-execution}'s steps per agency and per chunk.
     */
    private static boolean isPlumbing(Object entity) {
        if (!(entity instanceof ExecutionEntity execution)) {
            return false;
        }
        Object source = execution.getActivity() != null ? execution.getActivity() : execution.getEventSource();
        String definition = execution.getProcessDefinitionId();
        if (!(source instanceof PvmScope scope) || definition == null) {
            return false;
        }
        String element = scope.getId();
        if (definition.startsWith(AgencyAssignmentProcess.KEY + ":")) {
            return AgencyAssignmentProcess.Elements.WATCH_PLUMBING.contains(element)
                    || AgencyAssignmentProcess.Elements.START_PLUMBING.contains(element);
        }
        return definition.startsWith(DirectiveExecutionProcess.KEY + ":")
                && DirectiveExecutionProcess.Elements.FAN_OUT_PLUMBING.contains(element);
    }

    private static boolean isFanOutBookkeeping(VariableInstanceEntity variable) {
        String definition = variable.getProcessDefinitionId();
        return MULTI_INSTANCE_COUNTERS.contains(variable.getName())
                || definition != null && definition.startsWith(DirectiveExecutionProcess.KEY + ":")
                        && DirectiveExecutionProcess.Variables.FAN_OUT_ELEMENTS.contains(variable.getName());
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(this);
        configuration.setCustomHistoryLevels(levels);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        String configured = configuration.getHistory();
        String target = NAME.equalsIgnoreCase(configured) ? String.valueOf(ID)
                : HistoryLevel.HISTORY_LEVEL_FULL.getName().equalsIgnoreCase(configured)
                        ? String.valueOf(HistoryLevel.HISTORY_LEVEL_FULL.getId()) : null;
        if (target != null) {
            switchStoredLevel(configuration.getDataSource(), target);
        }
    }

    /** Between {@code full} (3) and this level only; a fresh database has no table yet. */
    private static void switchStoredLevel(DataSource dataSource, String target) {
        String other = target.equals(String.valueOf(ID)) ? String.valueOf(HistoryLevel.HISTORY_LEVEL_FULL.getId()) : String.valueOf(ID);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "update ACT_GE_PROPERTY set VALUE_ = ? where NAME_ = 'historyLevel' and VALUE_ = ?")) {
            update.setString(1, target);
            update.setString(2, other);
            if (update.executeUpdate() > 0) {
                log.info("Camunda history level stored in the database switched from {} to {}", other, target);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            log.debug("History level not switched (no Camunda tables yet?): {}", e.getMessage());
        }
    }
}
