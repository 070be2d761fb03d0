package vn.directivetracker.directive;

import static vn.directivetracker.directive.DirectiveIssuanceProcess.Variables.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Service tasks of {@code directive-issuance}: thin adapters to services; the
 * directive is the one bound to the instance ({@link DirectiveOfProcess}), whatever the variables say.
 * Each runs as its own async job with retries, and each is idempotent, so a retry never gives a
 * second number, a second assignment or a second execution process.
 */
@Configuration
class IssuanceDelegates {

    private final DirectiveOfProcess directiveOf;

    IssuanceDelegates(DirectiveOfProcess directiveOf) {
        this.directiveOf = directiveOf;
    }

    @Bean
    JavaDelegate issueDirectiveDelegate(DirectiveService directives) {
        return execution -> execution.setVariable(DIRECTIVE_NUMBER, directives.issue(directiveOf.id(execution)));
    }

    @Bean
    JavaDelegate notifyRecipientsDelegate(DirectiveService directives) {
        return execution -> directives.announceIssued(directiveOf.id(execution));
    }

    @Bean
    JavaDelegate startExecutionDelegate(DirectiveService directives) {
        return execution -> {
            long id = directiveOf.id(execution);
            directives.startExecution(id, directives.get(id).number());
        };
    }

}
