package vn.directivetracker.assignment;

import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.*;

import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.ManagementService;
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
    private final AssignmentRepository assignments;
    private final SystemActions systemActions;
    /** Timer element → how its due date is computed; the period-end timer counts calendar days and stays. */
    private final Map<String, Function<Object, Date>> timers;

    public WatchReplanner(ManagementService managementService, AssignmentRepository assignments, AssignmentDeadlines deadlines,
            SystemActions systemActions) {
        this.systemActions = systemActions;
        this.managementService = managementService;
        this.assignments = assignments;
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
                // The assignment bound to the timer's process instance, as the timer expression itself
                // asks (AssignmentOfProcess); the child has no assignmentId variable since ADR 27.
                Optional<Long> assignmentId = assignments.idOfProcessInstance(job.getProcessInstanceId());
                if (assignmentId.isEmpty()) {
                    continue;
                }
                Date due = timer.getValue().apply(assignmentId.get());
                if (!due.equals(job.getDuedate())) {
                    managementService.setJobDuedate(job.getId(), due);
                    moved++;
                }
            }
        }
        return moved;
    }
}
