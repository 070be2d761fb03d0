package vn.directivetracker.assignment;

import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Moves an open assignment's deadline and makes its process follow: the forms show the new date
 * and the deadline watch restarts, so every reminder and escalation timer is computed again.
 */
@Component
public class DeadlineChanges {

    private final AssignmentRepository assignments;
    private final RuntimeService runtimeService;

    public DeadlineChanges(AssignmentRepository assignments, RuntimeService runtimeService) {
        this.assignments = assignments;
        this.runtimeService = runtimeService;
    }

    public void move(long assignmentId, LocalDate newDeadline) {
        assignments.updateDeadline(assignmentId, newDeadline);
        restartWatch(assignments.get(assignmentId));
    }

    /** For a deadline already stored: refresh the label and interrupt the watch of the assignment's process. */
    public void restartWatch(Assignment assignment) {
        String processInstanceId = assignment.processInstanceId();
        if (processInstanceId == null
                || runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
            return;
        }
        runtimeService.setVariable(processInstanceId, AgencyAssignmentProcess.Variables.DEADLINE_LABEL,
                AssignmentService.deadlineLabel(assignment));
        runtimeService.createMessageCorrelation(AgencyAssignmentProcess.MESSAGE_DEADLINE_CHANGED)
                .processInstanceId(processInstanceId)
                .correlateAllWithResult();
    }
}
