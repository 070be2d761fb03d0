package vn.directivetracker.directive;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.directivetracker.common.CurrentActor;

/** Service tasks of {@code directive-execution}. */
@Configuration
class ExecutionDelegates {

    private final DirectiveOfProcess directiveOf;

    ExecutionDelegates(DirectiveOfProcess directiveOf) {
        this.directiveOf = directiveOf;
    }

    /** After revocation: every agency of the letter learns its work under it is cancelled, and why. */
    @Bean
    JavaDelegate cancelAssignmentsDelegate(DirectiveService directives) {
        return execution -> directives.announceRevoked(directiveOf.id(execution));
    }

    @Bean
    JavaDelegate closeDirectiveDelegate(DirectiveService directives, CurrentActor actor) {
        return execution -> directives.close(
                directiveOf.id(execution),
                actor.userId(),
                (String) execution.getVariable(DirectiveExecutionProcess.Variables.EVALUATION_COMMENT));
    }
}
