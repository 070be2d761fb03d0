package vn.directivetracker.directive;

import static vn.directivetracker.directive.DirectiveIssuanceProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.directivetracker.common.CurrentActor;
import vn.directivetracker.common.Decisions;

/**
 * Task listeners of {@code directive-issuance}: each decision on the draft is written to the
 * directive's history, in the transaction that completes the task.
 */
@Configuration
class IssuanceTaskListeners {

    @Bean
    TaskListener recordReviewDecision(DirectiveService directives, CurrentActor actor) {
        return task -> {
            boolean approved = Decisions.APPROVE.equals(task.getVariable(REVIEW_DECISION));
            directives.recordDecision(directiveId(task),
                    approved ? DirectiveStatus.AWAITING_SIGNATURE : DirectiveStatus.RETURNED_FOR_REVISION,
                    approved ? DirectiveEventType.REVIEW_APPROVED : DirectiveEventType.REVIEW_RETURNED,
                    actor.completing(task), (String) task.getVariable(REVIEW_COMMENT));
        };
    }

    @Bean
    TaskListener recordSignDecision(DirectiveService directives, CurrentActor actor) {
        return task -> {
            boolean signed = Decisions.APPROVE.equals(task.getVariable(SIGN_DECISION));
            directives.recordDecision(directiveId(task),
                    signed ? DirectiveStatus.AWAITING_ISSUE : DirectiveStatus.RETURNED_FOR_REVISION,
                    signed ? DirectiveEventType.SIGNED : DirectiveEventType.SIGN_RETURNED,
                    actor.completing(task), (String) task.getVariable(SIGN_COMMENT));
        };
    }

    @Bean
    TaskListener recordDraftRevision(DirectiveService directives, CurrentActor actor) {
        return task -> directives.recordDecision(directiveId(task), DirectiveStatus.IN_REVIEW, DirectiveEventType.REVISED,
                actor.completing(task), (String) task.getVariable(REVISION_NOTE));
    }

    private static long directiveId(DelegateTask task) {
        return ((Number) task.getVariable(DIRECTIVE_ID)).longValue();
    }
}
