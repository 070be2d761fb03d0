package vn.directivetracker.directive;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.directivetracker.common.CurrentActor;

/** Service tasks of {@code directive-execution}. */
@Configuration
class ExecutionDelegates {

    /** After revocation: every agency of the letter learns its work under it is cancelled, and why. */
    @Bean
    JavaDelegate cancelAssignmentsDelegate(DirectiveService directives) {
        return execution -> directives.announceRevoked(IssuanceDelegates.directiveId(execution));
    }

    @Bean
    JavaDelegate closeDirectiveDelegate(DirectiveService directives, CurrentActor actor) {
        return execution -> directives.close(
                IssuanceDelegates.directiveId(execution),
                actor.userId(),
                (String) execution.getVariable(DirectiveExecutionProcess.Variables.EVALUATION_COMMENT));
    }
}
