package vn.directivetracker.assignment;

import static vn.directivetracker.assignment.AgencyAssignmentProcess.Variables.*;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.assignmentId;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.directivetracker.common.CurrentActor;
import vn.directivetracker.common.Decisions;

/**
 * Delegates and listeners of {@code agency-assignment}: thin adapters from process variables to
 * {@link AssignmentService}. Listeners run in the transaction that completes the task, so a
 * rejected input (e.g. a return without a reason) fails the completion and changes nothing.
 */
@Configuration
class AssignmentProcessBeans {

    @Bean
    ExecutionListener loadAssignmentContext(AssignmentService assignments) {
        return execution -> execution.setVariables(
                assignments.start(assignmentId(execution), execution.getProcessInstanceId()));
    }

    @Bean
    JavaDelegate notifyAgencyDelegate(AssignmentService assignments) {
        return execution -> assignments.announce(new AssignmentEvents.Received(assignmentId(execution)));
    }

    @Bean
    JavaDelegate completeAssignmentDelegate(AssignmentService assignments) {
        return execution -> assignments.complete(assignmentId(execution));
    }

    @Bean
    TaskListener recordAcknowledgement(AssignmentService assignments, CurrentActor actor) {
        return task -> assignments.acknowledge(assignmentId(task), actor.completing(task));
    }

    @Bean
    TaskListener recordProgressReport(AssignmentService assignments, FollowUpService followUps, CurrentActor actor) {
        return task -> {
            // Gateways read these flags; an unticked checkbox may arrive as null.
            boolean requestExtension = Boolean.TRUE.equals(task.getVariable(REQUEST_EXTENSION));
            task.setVariable(REQUEST_EXTENSION, requestExtension);
            if (requestExtension) {
                task.setVariable(EXTENSION_DECIDER_GROUP, followUps.requestExtension(assignmentId(task),
                        (String) task.getVariable(REQUESTED_DEADLINE), (String) task.getVariable(EXTENSION_REASON),
                        actor.completing(task)));
            }
            Object percent = task.getVariable(PROGRESS_PERCENT);
            assignments.reportProgress(
                    assignmentId(task),
                    (String) task.getVariable(PROGRESS_NOTE),
                    percent == null ? -1 : ((Number) percent).intValue(),
                    Boolean.TRUE.equals(task.getVariable(RESULT_READY)) && !requestExtension,
                    actor.completing(task));
            task.setVariable(RESULT_READY, Boolean.TRUE.equals(task.getVariable(RESULT_READY)));
        };
    }

    @Bean
    TaskListener recordHeadDecision(AssignmentService assignments, CurrentActor actor) {
        return task -> {
            boolean approved = Decisions.APPROVE.equals(task.getVariable(HEAD_DECISION));
            String comment = (String) task.getVariable(HEAD_COMMENT);
            assignments.decideAsHead(assignmentId(task), approved, comment, actor.completing(task));
            if (!approved) {
                assignments.announce(new AssignmentEvents.HeadReturned(assignmentId(task), comment, task.getId()));
            }
        };
    }

    @Bean
    TaskListener recordResultReview(AssignmentService assignments, CurrentActor actor) {
        return task -> {
            boolean accepted = AgencyAssignmentProcess.ACCEPT.equals(task.getVariable(REVIEW_DECISION));
            String reason = (String) task.getVariable(RETURN_REASON);
            assignments.review(assignmentId(task), accepted, reason, actor.completing(task));
            // Written in the completing transaction: a rejected completion leaves no email behind.
            if (accepted) {
                assignments.announce(new AssignmentEvents.ResultAccepted(assignmentId(task)));
            } else {
                assignments.announce(new AssignmentEvents.ResultReturned(assignmentId(task), reason, task.getId()));
            }
        };
    }

}
