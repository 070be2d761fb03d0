package vn.directivetracker.assignment;

import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.*;

import java.util.Date;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.directivetracker.calendar.HolidaysChanged;
import vn.directivetracker.common.SystemActions;

/**
 * Re-plans the waiting follow-up timers of every open assignment after the holiday calendar changed
 * (ADR 8 computes them once, when created). The deadline itself is a decision and stays; the reminder,
 * overdue and escalation dates are counted in working days, so they follow the calendar: each waiting
 * timer gets the due date {@link AssignmentDeadlines} gives now, if it differs.
 */
@Component
public class WatchReplanner {

    private static final Logger log = LoggerFactory.getLogger(WatchReplanner.class);

    private final ManagementService managementService;
    private final RuntimeService runtimeService;
    private final SystemActions systemActions;
    /** Timer element → how its due date is computed; the period-end timer counts calendar days and stays. */
    private final Map<String, Function<Object, Date>> timers;

    public WatchReplanner(ManagementService managementService, RuntimeService runtimeService, AssignmentDeadlines deadlines,
            SystemActions systemActions) {
        this.systemActions = systemActions;
        this.managementService = managementService;
        this.runtimeService = runtimeService;
        this.timers = Map.of(
                ACKNOWLEDGE_OVERDUE, deadlines::acknowledgeReminderAt,
                DUE_SOON, deadlines::dueSoonAt,
                DEADLINE_REACHED, deadlines::overdueAt,
                ESCALATION_DUE, deadlines::escalationAt);
    }

    /** Runs in the administrator's request, as the system: the administrator edits dates, not processes. */
    @EventListener
    public void onHolidaysChanged(HolidaysChanged change) {
        int moved = systemActions.call(this::replan);
        log.info("Holiday calendar changed by {}: {} follow-up timers re-planned", change.changedBy(), moved);
    }

    /** @return how many timers moved */
    public int replan() {
        int moved = 0;
        for (Map.Entry<String, Function<Object, Date>> timer : timers.entrySet()) {
            for (Job job : managementService.createJobQuery().timers().processDefinitionKey(AgencyAssignmentProcess.KEY)
                    .activityId(timer.getKey()).list()) {
                Object assignmentId = runtimeService.getVariable(job.getExecutionId(), AgencyAssignmentProcess.Variables.ASSIGNMENT_ID);
                Date due = timer.getValue().apply(assignmentId);
                if (!due.equals(job.getDuedate())) {
                    managementService.setJobDuedate(job.getId(), due);
                    moved++;
                }
            }
        }
        return moved;
    }
}
