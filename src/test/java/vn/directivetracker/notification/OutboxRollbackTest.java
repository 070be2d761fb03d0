package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;
import vn.directivetracker.support.Mails;
import vn.directivetracker.support.TestMailServer;

/**
 * A step that rolls back leaves no outbox row and sends nothing; the same step committed sends
 * exactly one email (so these tests would notice if emails escaped their transaction).
 */
class OutboxRollbackTest extends IntegrationTest {

    private static final String JOB_PROBE = "mailRollbackProbe";
    private static final String TASK_PROBE = "mailRollbackTaskProbe";

    @Autowired NotificationService notifications;
    @Autowired AssignmentRepository assignments;
    @Autowired RepositoryService repositoryService;
    @Autowired PlatformTransactionManager transactions;

    private String deploymentId;
    private long assignmentId;

    @BeforeEach
    void deployProbesAndEmptyTheOutbox() throws Exception {
        long directiveId = submitAndIssue(DirectiveFixtures.smallDirective("V/v thử hoàn tác " + System.nanoTime(),
                List.of("SNGV"), List.of()));
        assignmentId = assignments.ofDirective(directiveId).get(0).id();
        BpmnModelInstance job = Bpmn.createExecutableProcess(JOB_PROBE).camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Notify").camundaAsyncBefore()
                    .camundaExpression("${notificationService.resultAccepted(assignmentId)}")
                .serviceTask("FailOrNot").camundaExpression("${fail ? directiveService.get(-1) : null}")
                .endEvent().done();
        BpmnModelInstance task = Bpmn.createExecutableProcess(TASK_PROBE).camundaHistoryTimeToLive(1)
                .startEvent().userTask("Probe").name("Việc thử").camundaCandidateGroups("SNGV").endEvent().done();
        deploymentId = repositoryService.createDeployment()
                .addModelInstance(JOB_PROBE + ".bpmn", job)
                .addModelInstance(TASK_PROBE + ".bpmn", task)
                .deploy().getId();
        flushEarlierMail();
        TestMailServer.purge();
    }

    @AfterEach
    void undeploy() {
        repositoryService.deleteDeployment(deploymentId, true);
    }

    @Test
    void aJobThatFailsAfterWritingItsEmailLeavesNoRowAndSendsNothing() {
        String key = "result-accepted:" + assignmentId;
        String failing = runtimeService.startProcessInstanceByKey(JOB_PROBE, Map.of("assignmentId", assignmentId, "fail", true)).getId();
        Job job = managementService.createJobQuery().processInstanceId(failing).singleResult();
        assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("-1");
        runtimeService.deleteProcessInstance(failing, "thử xong", true);

        assertThat(rowsWithKey(key)).isZero();
        assertThat(dispatchMail()).isZero();
        assertThat(Mails.countByKey(TestMailServer.SMTP)).doesNotContainKey(key);

        // The same step, committed: one row, one email.
        runtimeService.startProcessInstanceByKey(JOB_PROBE, Map.of("assignmentId", assignmentId, "fail", false));
        executeJobs();
        assertThat(rowsWithKey(key)).isOne();
        assertThat(dispatchMail()).isEqualTo(1);
        assertThat(Mails.countByKey(TestMailServer.SMTP)).containsEntry(key, 1L);
    }

    @Test
    void aUserTaskCreatedInARolledBackTransactionMailsNobody() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            runtimeService.startProcessInstanceByKey(TASK_PROBE);
            // Inside the transaction the new-task emails exist (officer and head of Sở Ngoại vụ) …
            assertThat(taskMails()).isEqualTo(2);
            throw new IllegalStateException("Người dùng hủy thao tác");
        })).hasMessage("Người dùng hủy thao tác");

        // … and vanish with it.
        assertThat(taskMails()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(TASK_PROBE).count()).isZero();
        assertThat(dispatchMail()).isZero();
        assertThat(Mails.received(TestMailServer.SMTP)).isEmpty();

        runtimeService.startProcessInstanceByKey(TASK_PROBE);
        assertThat(dispatchMail()).isEqualTo(2);
        assertThat(Mails.received(TestMailServer.SMTP)).extracting(m -> Mails.to(m).get(0))
                .containsExactlyInAnyOrder("cbsngv@example.gov.vn", "ldsngv@example.gov.vn");
    }

    private long rowsWithKey(String key) {
        return jdbc.sql("select count(*) from notification where dedup_key = ?").param(key).query(Long.class).single();
    }

    private long taskMails() {
        return jdbc.sql("select count(*) from notification where event_type = 'TASK_CREATED' and subject like ?")
                .param("[Việc mới] Việc thử%").query(Long.class).single();
    }
}
