package vn.directivetracker.assignment;

import static vn.directivetracker.assignment.AgencyAssignmentProcess.Variables.*;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.directivetracker.common.CurrentActor;
import vn.directivetracker.common.Decisions;

/**
 * Delegates and listeners of {@code agency-assignment}: thin adapters to {@link AssignmentService}.
 * Which assignment comes from {@link AssignmentOfProcess} (our table, by process instance id); only
 * the fields the task's form declares are read from the variables (ADR 12), and what the forms display
 * is served from our tables too ({@link AssignmentFormContext}, ADR 27). Listeners run in the transaction that completes the task, so a
 * rejected input (e.g. a return without a reason) fails the completion and changes nothing.
 */
@Configuration
class AssignmentProcessBeans {

    private final AssignmentOfProcess assignmentOf;

    AssignmentProcessBeans(AssignmentOfProcess assignmentOf) {
        this.assignmentOf = assignmentOf;
    }

    @Bean
    ExecutionListener loadAssignmentContext(AssignmentService assignments) {
        // The parent's fan-out names the assignment a moment ago, in this transaction (why that is safe:
        // passedAssignmentId). Binding it to this instance once is what every later step, form and email
        // looks the assignment up by; no variable is set (ADR 27).
        return execution -> assignments.bind(
                AgencyAssignmentProcess.passedAssignmentId(execution), execution.getProcessInstanceId());
    }

    @Bean
    JavaDelegate notifyAgencyDelegate(AssignmentService assignments) {
        return execution -> assignments.announce(new AssignmentEvents.Received(assignmentOf.id(execution)));
    }

    @Bean
    JavaDelegate completeAssignmentDelegate(AssignmentService assignments) {
        return execution -> assignments.complete(assignmentOf.id(execution));
    }

    @Bean
    TaskListener recordAcknowledgement(AssignmentService assignments, CurrentActor actor) {
        return task -> assignments.acknowledge(assignmentOf.id(task), actor.completing(task));
    }

    @Bean
    TaskListener recordProgressReport(AssignmentService assignments, FollowUpService followUps, CurrentActor actor) {
        return task -> {
            // Gateways read these flags; an unticked checkbox may arrive as null.
            boolean requestExtension = Boolean.TRUE.equals(task.getVariable(REQUEST_EXTENSION));
            task.setVariable(REQUEST_EXTENSION, requestExtension);
            if (requestExtension) {
                task.setVariable(EXTENSION_DECIDER_GROUP, followUps.requestExtension(assignmentOf.id(task),
                        (String) task.getVariable(REQUESTED_DEADLINE), (String) task.getVariable(EXTENSION_REASON),
                        actor.completing(task)));
            }
            Object percent = task.getVariable(PROGRESS_PERCENT);
            assignments.reportProgress(
                    assignmentOf.id(task),
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
            assignments.decideAsHead(assignmentOf.id(task), approved, comment, actor.completing(task));
            if (!approved) {
                assignments.announce(new AssignmentEvents.HeadReturned(assignmentOf.id(task), comment, task.getId()));
            }
        };
    }

    @Bean
    TaskListener recordResultReview(AssignmentService assignments, CurrentActor actor) {
        return task -> {
            boolean accepted = AgencyAssignmentProcess.ACCEPT.equals(task.getVariable(REVIEW_DECISION));
            String reason = (String) task.getVariable(RETURN_REASON);
            assignments.review(assignmentOf.id(task), accepted, reason, actor.completing(task));
            // Written in the completing transaction: a rejected completion leaves no email behind.
            if (accepted) {
                assignments.announce(new AssignmentEvents.ResultAccepted(assignmentOf.id(task)));
            } else {
                assignments.announce(new AssignmentEvents.ResultReturned(assignmentOf.id(task), reason, task.getId()));
            }
        };
    }
}
