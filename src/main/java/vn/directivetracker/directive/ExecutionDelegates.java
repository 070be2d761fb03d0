package vn.directivetracker.directive;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.common.CurrentActor;
import vn.directivetracker.notification.NotificationService;

/** Service tasks of {@code directive-execution}. */
@Configuration
class ExecutionDelegates {

    /** After revocation: tells every agency that still had work on the directive, once per agency. */
    @Bean
    JavaDelegate cancelAssignmentsDelegate(DirectiveService directives, AssignmentRepository assignments,
            NotificationService notifications) {
        return execution -> {
            long id = IssuanceDelegates.directiveId(execution);
            Directive directive = directives.get(id);
            java.util.Set<String> told = new java.util.HashSet<>();
            for (Assignment assignment : assignments.ofDirective(id)) {
                if (assignment.cancelledAt() != null && told.add(assignment.agencyCode())) {
                    notifications.assignmentEvent("DIRECTIVE_REVOKED", "revoked", assignment.id(),
                            java.util.List.of(NotificationService.Audience.AGENCY, NotificationService.Audience.AGENCY_HEAD),
                            "Thu hồi văn bản chỉ đạo",
                            "Ủy ban nhân dân tỉnh thu hồi văn bản này; các nhiệm vụ của đơn vị theo văn bản được hủy."
                                    + " Lý do: " + directive.revocationReason());
                }
            }
        };
    }

    @Bean
    JavaDelegate closeDirectiveDelegate(DirectiveService directives, CurrentActor actor) {
        return execution -> directives.close(
                IssuanceDelegates.directiveId(execution),
                actor.userId(),
                (String) execution.getVariable(DirectiveExecutionProcess.Variables.EVALUATION_COMMENT));
    }
}
