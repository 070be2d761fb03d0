package vn.directivetracker.directive;

import static vn.directivetracker.directive.DirectiveIssuanceProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Service tasks of {@code directive-issuance}: thin adapters from process variables to services.
 * Each runs as its own async job with retries, and each is idempotent, so a retry never gives a
 * second number, a second assignment or a second execution process.
 */
@Configuration
class IssuanceDelegates {

    @Bean
    JavaDelegate issueDirectiveDelegate(DirectiveService directives) {
        return execution -> execution.setVariable(DIRECTIVE_NUMBER, directives.issue(directiveId(execution)));
    }

    @Bean
    JavaDelegate notifyRecipientsDelegate(DirectiveService directives) {
        return execution -> directives.announceIssued(directiveId(execution));
    }

    @Bean
    JavaDelegate startExecutionDelegate(DirectiveService directives) {
        return execution -> directives.startExecution(directiveId(execution), (String) execution.getVariable(DIRECTIVE_NUMBER));
    }

    static long directiveId(DelegateExecution execution) {
        return ((Number) execution.getVariable(DIRECTIVE_ID)).longValue();
    }
}
