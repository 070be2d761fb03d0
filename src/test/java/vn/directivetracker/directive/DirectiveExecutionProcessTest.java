package vn.directivetracker.directive;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Variables.*;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import vn.directivetracker.assignment.AgencyAssignmentProcess;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/** directive-execution: one child per assignment, evaluation once all are done, then closed. */
class DirectiveExecutionProcessTest extends IntegrationTest {

    @Test
    void evaluatesAndClosesWhenEveryAssignmentIsDone() {
        long id = submitAndIssue(DirectiveFixtures.smallDirective("Hai đơn vị", List.of("SNGV"), List.of("STC")));
        Directive directive = directiveService.get(id);
        ProcessInstance execution = runtimeService.createProcessInstanceQuery()
                .processInstanceId(directive.executionProcessInstanceId()).singleResult();
        Assertions.assertThat(execution.getBusinessKey()).isEqualTo(directive.number());
        assertThat(execution).isWaitingAt(DirectiveExecutionProcess.Elements.EXECUTE_ASSIGNMENTS);

        List<ProcessInstance> children = runtimeService.createProcessInstanceQuery()
                .superProcessInstanceId(execution.getId()).list();
        Assertions.assertThat(children).extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrder(directive.number() + "/SNGV", directive.number() + "/STC");

        for (ProcessInstance child : children) {
            String agency = child.getBusinessKey().substring(child.getBusinessKey().lastIndexOf('/') + 1).toLowerCase();
            complete(child.getId(), AgencyAssignmentProcess.Elements.ACKNOWLEDGE_RECEIPT, "cb" + agency, Map.of());
            complete(child.getId(), AgencyAssignmentProcess.Elements.REPORT_PROGRESS, "cb" + agency,
                    Map.of(PROGRESS_NOTE, "Hoàn thành", PROGRESS_PERCENT, 100, RESULT_READY, true));
            complete(child.getId(), AgencyAssignmentProcess.Elements.APPROVE_RESULT, "ld" + agency, Map.of(HEAD_DECISION, "APPROVE"));
            complete(child.getId(), AgencyAssignmentProcess.Elements.REVIEW_RESULT, "dieuphoi", Map.of(REVIEW_DECISION, "ACCEPT"));
            executeJobs();
            assertThat(child).isEnded();
        }

        assertThat(execution).isWaitingAt(DirectiveExecutionProcess.Elements.EVALUATE_DIRECTIVE);
        complete(execution.getId(), DirectiveExecutionProcess.Elements.EVALUATE_DIRECTIVE, "dieuphoi",
                Map.of(DirectiveExecutionProcess.Variables.EVALUATION_COMMENT, "Các đơn vị hoàn thành tốt"));
        executeJobs();
        assertThat(execution).hasPassed(DirectiveExecutionProcess.Elements.CLOSE_DIRECTIVE).isEnded();
        Assertions.assertThat(directiveService.get(id).status()).isEqualTo(DirectiveStatus.CLOSED);
    }
}
