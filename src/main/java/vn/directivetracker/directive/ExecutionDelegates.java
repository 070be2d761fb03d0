package vn.directivetracker.directive;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.directivetracker.common.CurrentActor;
import vn.directivetracker.notification.NotificationService;

/** Service tasks of {@code directive-execution}. */
@Configuration
class ExecutionDelegates {

    private final DirectiveOfProcess directiveOf;

    ExecutionDelegates(DirectiveOfProcess directiveOf) {
        this.directiveOf = directiveOf;
    }

    /** After revocation: every agency of the letter learns its work under it is cancelled, and why. */
    @Bean
    JavaDelegate cancelAssignmentsDelegate(DirectiveService directives, NotificationService notifications) {
        return execution -> {
            long id = directiveOf.id(execution);
            notifications.directiveRevoked(id, directives.get(id).revocationReason());
        };
    }

    @Bean
    JavaDelegate closeDirectiveDelegate(DirectiveService directives, CurrentActor actor) {
        return execution -> directives.close(
                directiveOf.id(execution),
                actor.userId(),
                (String) execution.getVariable(DirectiveExecutionProcess.Variables.EVALUATION_COMMENT));
    }
}
