package vn.directivetracker.assignment;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.directivetracker.assignment.AgencyAssignmentProcess.Elements;

/**
 * Moves an open assignment's deadline and makes its process follow: the deadline watch restarts, so
 * every reminder and escalation timer is computed again, and open tasks get the new due date. The
 * forms show the new date by themselves: they read it from our table when opened (ADR 27).
 */
@Component
public class DeadlineChanges {

    private final AssignmentRepository assignments;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final AssignmentDeadlines deadlines;
    private final ManagementService managementService;

    public DeadlineChanges(AssignmentRepository assignments, RuntimeService runtimeService, TaskService taskService,
            AssignmentDeadlines deadlines, ManagementService managementService) {
        this.assignments = assignments;
        this.managementService = managementService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.deadlines = deadlines;
    }

    /** Open tasks that carry the deadline as their due date get the new one. */
    public void refreshTaskDueDates(Assignment assignment) {
        Date due = deadlines.taskDueDate(assignment.id());
        for (Task task : taskService.createTaskQuery().processInstanceId(assignment.processInstanceId()).list()) {
            if (task.getDueDate() != null && !task.getDueDate().equals(due)) {
                task.setDueDate(due);
                taskService.saveTask(task);
            }
        }
    }

    public void move(long assignmentId, LocalDate newDeadline) {
        assignments.updateDeadline(assignmentId, newDeadline);
        restartWatch(assignments.get(assignmentId));
    }

    /**
     * For a deadline already stored: refresh the tasks' due dates and restart the assignment's watch at
     * "Sắp đến hạn", in the caller's transaction.
     *
     * <p>ADR 8: the watch restarts from "Sắp đến hạn" whenever the deadline moves, so that no timer
     * computed from the old deadline survives. The model used to draw that restart (the {@code DeadlineChanged}
     * message boundary on the {@code DeadlineWatch} subprocess); since the watch sits on the process level
     * (ADR 8 addendum of 2026-12-02: one scope execution, two activity instances and one event subscription
     * fewer per fanned-out assignment) the model no longer draws it and this method does it, in one place:
     * a process instance modification that cancels every token of the watch's activities and starts a new
     * one before {@code DueSoon}. Instances still running on a version with the subprocess are restarted
     * as before, by the message their boundary waits for.
     */
    public void restartWatch(Assignment assignment) {
        String processInstanceId = assignment.processInstanceId();
        if (processInstanceId == null
                || runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
            return;
        }
        refreshTaskDueDates(assignment);
        replanAcknowledgementTimer(processInstanceId, assignment);
        if (runtimeService.createEventSubscriptionQuery().processInstanceId(processInstanceId)
                .eventType("message").eventName(AgencyAssignmentProcess.MESSAGE_DEADLINE_CHANGED).count() > 0) {
            runtimeService.createMessageCorrelation(AgencyAssignmentProcess.MESSAGE_DEADLINE_CHANGED)
                    .processInstanceId(processInstanceId)
                    .correlateAllWithResult();
            return;
        }
        if (assignment.deadline() == null) {
            return;
        }
        // The new token first: cancelling the old ones first could leave the caller's own execution the
        // last concurrent one, which the engine would then prune into the process instance while it is
        // still executing (restartWatch is called from a delegate of this very instance; in the other order
        // the coordinator's extension fails with "Execution ... has no current activity", DeadlineFollowUpTest).
        ProcessInstanceModificationBuilder modification = runtimeService.createProcessInstanceModification(processInstanceId)
                .startBeforeActivity(Elements.DUE_SOON);
        if (cancelWatch(runtimeService.getActivityInstance(processInstanceId), modification) > 0) {
            modification.execute();
        } // else no watch runs (an ongoing item): nothing to restart
    }

    /**
     * ADR 32: while the watch waits at its first timer it has not reached the ladder, so nothing is
     * cancelled; the timer's date is computed again instead, as it may depend on the deadline
     * ({@link AssignmentDeadlines#acknowledgeReminderAt}). When it fires, the ladder starts from the new
     * deadline. On a version before ADR 32 the same id is the acknowledgement task's boundary timer,
     * which the same rule fits.
     */
    private void replanAcknowledgementTimer(String processInstanceId, Assignment assignment) {
        Job timer = managementService.createJobQuery().processInstanceId(processInstanceId).timers()
                .activityId(Elements.ACKNOWLEDGE_OVERDUE).singleResult();
        if (timer != null) {
            Date due = deadlines.acknowledgeReminderAt(assignment.id());
            if (!due.equals(timer.getDuedate())) {
                managementService.setJobDuedate(timer.getId(), due);
            }
        }
    }

    /** Adds a cancellation of every watch token under {@code instance}: activity instances and asyncBefore jobs. */
    private static int cancelWatch(ActivityInstance instance, ProcessInstanceModificationBuilder modification) {
        int cancelled = 0;
        for (TransitionInstance transition : instance.getChildTransitionInstances()) {
            if (Elements.WATCH.contains(transition.getActivityId())) {
                modification.cancelTransitionInstance(transition.getId());
                cancelled++;
            }
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            if (Elements.WATCH.contains(child.getActivityId())) {
                modification.cancelActivityInstance(child.getId());
                cancelled++;
            } else {
                cancelled += cancelWatch(child, modification);
            }
        }
        return cancelled;
    }
}
