package vn.directivetracker.directive;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Variables.*;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import vn.directivetracker.assignment.AgencyAssignmentProcess;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/** directive-execution: one child per assignment, evaluation once all are done, then closed. */
class DirectiveExecutionProcessTest extends IntegrationTest {

    /**
     * ADR 17: each child's job starts its child up to the acknowledgement task with its notice in
     * the outbox, or — if it fails — leaves nothing of it; its retry creates it exactly once, and the
     * other children are not held up.
     */
    @Test
    void eachChildsJobCreatesItsTaskAndNoticeOrNothing() {
        List<String> agencies = List.of("SNGV", "STC", "SCT", "SVHTTDL");
        long id = submitAndSign(DirectiveFixtures.smallDirective("Mỗi đơn vị một giao dịch", agencies, List.of()));
        String issuance = directiveService.get(id).issuanceProcessInstanceId();
        complete(issuance, DirectiveIssuanceProcess.Elements.REGISTER_AND_ISSUE, "vanthu", Map.of("registered", true));
        // Issue and start the execution; stop before its fan-out runs.
        while (directiveService.get(id).executionProcessInstanceId() == null) {
            managementService.executeJob(managementService.createJobQuery().processInstanceId(issuance).executable()
                    .list().get(0).getId());
        }
        String execution = directiveService.get(id).executionProcessInstanceId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(execution).singleResult().getId());
        List<Job> childJobs = managementService.createJobQuery().processInstanceId(execution).list();
        Assertions.assertThat(childJobs).hasSize(agencies.size());

        // One child cannot start (its row is bound elsewhere): only its job rolls back.
        List<Long> assignments = jdbc.sql("select id from assignment where directive_id = ? order by id").param(id)
                .query(Long.class).list();
        long blocked = assignments.get(assignments.size() - 1);
        jdbc.sql("update assignment set process_instance_id = 'elsewhere' where id = ?").param(blocked).update();
        Job failed = null;
        for (Job job : childJobs) {
            try {
                managementService.executeJob(job.getId());
            } catch (RuntimeException e) {
                Assertions.assertThat(failed).as("only the blocked child fails").isNull();
                Assertions.assertThat(e).hasMessageContaining(String.valueOf(blocked));
                failed = job;
            }
        }
        Assertions.assertThat(failed).isNotNull();
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(execution).count())
                .isEqualTo(agencies.size() - 1);
        Assertions.assertThat(notices(id)).isEqualTo(agencies.size() - 1);

        jdbc.sql("update assignment set process_instance_id = null where id = ?").param(blocked).update();
        managementService.executeJob(failed.getId());
        List<ProcessInstance> children = runtimeService.createProcessInstanceQuery().superProcessInstanceId(execution).list();
        Assertions.assertThat(children).hasSize(agencies.size());
        for (ProcessInstance child : children) {
            assertThat(child).hasPassed(AgencyAssignmentProcess.Elements.NOTIFY_AGENCY)
                    .isWaitingAt(AgencyAssignmentProcess.Elements.ACKNOWLEDGE_RECEIPT);
        }
        Assertions.assertThat(notices(id)).isEqualTo(agencies.size());
        // Nothing of the fan-out is left to a job: only timers (the acknowledgement reminder) wait.
        Assertions.assertThat(managementService.createJobQuery().processInstanceId(execution).count()).isZero();
        Assertions.assertThat(managementService.createJobQuery().executable().list())
                .noneMatch(job -> children.stream().anyMatch(c -> c.getId().equals(job.getProcessInstanceId())));
    }

    private long notices(long directiveId) {
        return jdbc.sql("select count(*) from notification where dedup_key like 'assignment-received:%' and directive_id = ?")
                .param(directiveId).query(Long.class).single();
    }

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
