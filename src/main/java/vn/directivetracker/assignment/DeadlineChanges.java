package vn.directivetracker.assignment;

import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

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

    public DeadlineChanges(AssignmentRepository assignments, RuntimeService runtimeService, TaskService taskService,
            AssignmentDeadlines deadlines) {
        this.assignments = assignments;
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

    /** For a deadline already stored: refresh the tasks' due dates and interrupt the watch of the assignment's process. */
    public void restartWatch(Assignment assignment) {
        String processInstanceId = assignment.processInstanceId();
        if (processInstanceId == null
                || runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
            return;
        }
        refreshTaskDueDates(assignment);
        runtimeService.createMessageCorrelation(AgencyAssignmentProcess.MESSAGE_DEADLINE_CHANGED)
                .processInstanceId(processInstanceId)
                .correlateAllWithResult();
    }
}
