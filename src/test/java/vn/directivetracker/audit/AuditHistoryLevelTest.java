package vn.directivetracker.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.*;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Variables.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.directive.DirectiveExecutionProcess;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * ADR 17: history level {@code full-without-details} keeps what the audit trail, Tasklist and Cockpit
 * read (user operation log, task and activity history, each variable's value) and writes no
 * {@code ACT_HI_DETAIL} row; a database written at {@code full} is switched on start-up.
 */
class AuditHistoryLevelTest extends IntegrationTest {

    @Autowired AssignmentRepository assignments;
    @Autowired HistoryService historyService;
    @Autowired AuditHistoryLevel level;

    @Test
    void keepsTheOperationLogTasksAndVariablesButNoDetails() {
        assertThat(((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getHistoryLevel().getName())
                .isEqualTo(AuditHistoryLevel.NAME);
        long id = submitAndIssue(DirectiveFixtures.smallDirective("Lịch sử không chi tiết", List.of("SNGV"), List.of()));
        String pi = assignments.ofDirective(id).get(0).processInstanceId();
        complete(pi, ACKNOWLEDGE_RECEIPT, "cbsngv", Map.of("acknowledged", true));
        complete(pi, REPORT_PROGRESS, "cbsngv", Map.of(PROGRESS_NOTE, "Lần một", PROGRESS_PERCENT, 10, RESULT_READY, false));
        complete(pi, REPORT_PROGRESS, "cbsngv", Map.of(PROGRESS_NOTE, "Lần hai", PROGRESS_PERCENT, 50, RESULT_READY, false));

        assertThat(historyService.createUserOperationLogQuery().processInstanceId(pi).operationType("Complete").count())
                .isEqualTo(3);
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pi).finished().count()).isEqualTo(3);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName(PROGRESS_NOTE)
                .singleResult().getValue()).isEqualTo("Lần hai");
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi).count()).isZero();
        assertThat(count("ACT_HI_DETAIL")).isZero();
    }

    @Test
    void writesNoHistoryOfTheFanOutsBookkeepingNorOfJobCreation() {
        long id = submitAndIssue(DirectiveFixtures.smallDirective("Lịch sử không sổ sách", List.of("SNGV", "STC"), List.of()));
        String execution = directiveService.get(id).executionProcessInstanceId();
        assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(execution)
                .variableName(DirectiveExecutionProcess.Variables.ASSIGNMENT_ID).count())
                .as("the parent's multi-instance elements exist at run time").isEqualTo(2);

        for (String name : List.of("loopCounter", "nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances",
                DirectiveExecutionProcess.Variables.ASSIGNMENT_ID, DirectiveExecutionProcess.Variables.ASSIGNMENT_BATCH)) {
            assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(execution).variableName(name).count())
                    .as(name).isZero();
        }
        String child = assignments.ofDirective(id).get(0).processInstanceId();
        assertThat(managementService.createJobQuery().processInstanceId(child).timers().count()).as("timers exist").isPositive();
        for (String pi : List.of(execution, child)) {
            assertThat(historyService.createHistoricJobLogQuery().processInstanceId(pi).creationLog().count()).as(pi).isZero();
        }
        // ADR 37: a job's success is not logged either; what it did is (here: the children it started).
        assertThat(assignments.ofDirective(id)).allSatisfy(a -> assertThat(a.processInstanceId()).isNotNull());
        assertThat(historyService.createHistoricJobLogQuery().processInstanceId(execution).successLog().count()).isZero();
    }

    @Test
    void writesNoActivityHistoryOfAnAssignmentsStartNorOfTheFanOutsStepsPerAgency() {
        long id = submitAndIssue(DirectiveFixtures.smallDirective("Lịch sử không bước giao", List.of("SNGV", "STC"), List.of()));
        String execution = directiveService.get(id).executionProcessInstanceId();
        // ADR 39: per agency, the parent's call activity and the child's start event and notice wrote three
        // activity rows that said what the child's own instance row says (its start, its parent).
        assertThat(activitiesOf(execution)).doesNotContain(DirectiveExecutionProcess.Elements.EXECUTE_ASSIGNMENTS,
                DirectiveExecutionProcess.Elements.BATCH_STARTED)
                .as("the chunk itself is still recorded").contains(DirectiveExecutionProcess.Elements.EXECUTE_ASSIGNMENT_BATCHES);
        for (Assignment assignment : assignments.ofDirective(id)) {
            String child = assignment.processInstanceId();
            assertThat(activitiesOf(child)).containsExactly(ACKNOWLEDGE_RECEIPT);
            HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery().processInstanceId(child).singleResult();
            assertThat(instance.getSuperProcessInstanceId()).isEqualTo(execution);
            assertThat(instance.getStartActivityId()).isEqualTo(ASSIGNMENT_RECEIVED);
            assertThat(instance.getStartTime()).isNotNull();
        }
        assertThat(jdbc.sql("select count(*) from notification where directive_id = ? and event_type = 'ASSIGNMENT_RECEIVED'")
                .param(id).query(Long.class).single()).as("each notice is in the outbox").isEqualTo(2);
    }

    private List<String> activitiesOf(String processInstanceId) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }

    @Test
    void logsAJobsFailureAndDeletionButNotItsCreationOrSuccess() {
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_FAIL, null)).isTrue();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_DELETE, null)).isTrue();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_CREATE, null)).isFalse();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_SUCCESS, null)).isFalse();
    }

    @Test
    void aDatabaseAtFullIsSwitchedBeforeTheEngineChecksIt() {
        String stored = "select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'historyLevel'";
        assertThat(jdbc.sql(stored).query(String.class).single()).isEqualTo(String.valueOf(AuditHistoryLevel.ID));
        jdbc.sql("update ACT_GE_PROPERTY set VALUE_ = '3' where NAME_ = 'historyLevel'").update();

        level.postInit((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration());

        assertThat(jdbc.sql(stored).query(String.class).single()).isEqualTo(String.valueOf(AuditHistoryLevel.ID));
    }
}
