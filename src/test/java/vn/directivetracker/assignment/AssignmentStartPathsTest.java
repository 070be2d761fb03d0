package vn.directivetracker.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.directive.DirectiveRequest;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * The three ways an assignment starts after {@code NotifyAgency}, whose outgoing flows replace the
 * fork and the deadline-kind choice (issue 11, ADR 8 addendum): always the work, plus the deadline
 * watch, or the period-end timer, or nothing to watch. Each test says where the tokens are and which
 * activity instances the start wrote — no gateway on the deadline path, which is the hot one of a
 * fan-out.
 */
class AssignmentStartPathsTest extends IntegrationTest {

    @Autowired AssignmentRepository assignments;
    @Autowired DeadlineChanges deadlineChanges;
    @Autowired HistoryService historyService;
    @Autowired RepositoryService repositoryService;

    /** Leaves no instance whose timers a later test's clock could fire. */
    @AfterEach
    void removeInstancesAndResetClock() {
        ClockUtil.reset();
        deleteAllProcessInstances();
    }

    /** Issued on Monday 30/11/2026, 09:00 in Vietnam, which the dates below assume. */
    private Assignment issue(DirectiveRequest request) {
        DeadlineFollowUpTest.clockAt(LocalDateTime.of(2026, 11, 30, 9, 0));
        return assignments.ofDirective(submitAndIssue(request)).get(0);
    }

    private ProcessInstance instance(Assignment assignment) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(assignment.processInstanceId()).singleResult();
    }

    private List<String> activitiesRecorded(Assignment assignment) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(assignment.processInstanceId())
                .list().stream().map(HistoricActivityInstance::getActivityId).toList();
    }

    @Test
    void itemWithADeadlineStartsTheWorkAndTheWatchWithoutAnyGateway() {
        Assignment a = issue(DirectiveFixtures.withDeadline("Có thời hạn " + System.nanoTime(), List.of("SNGV"),
                LocalDate.of(2026, 12, 18)));
        ProcessInstance pi = instance(a);
        assertThat(pi).hasPassed(NOTIFY_AGENCY).isWaitingAt(ACKNOWLEDGE_RECEIPT, DUE_SOON).hasNotPassed(PERIOD_END_GATEWAY);
        // Four in the child since the watch sits on the process level (no subprocess, no start event).
        assertThat(activitiesRecorded(a)).containsExactlyInAnyOrder(
                ASSIGNMENT_RECEIVED, NOTIFY_AGENCY, ACKNOWLEDGE_RECEIPT, DUE_SOON);
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(pi.getId()).count()).isZero();

        // A moved deadline restarts the watch by a modification: the old DueSoon is cancelled, one new
        // timer from the new deadline, one watch token.
        deadlineChanges.move(a.id(), LocalDate.of(2026, 12, 23));
        assertThat(pi).isWaitingAt(ACKNOWLEDGE_RECEIPT, DUE_SOON);
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).timers().activityId(DUE_SOON).list())
                .extracting(Job::getDuedate).containsExactly(DeadlineFollowUpTest.at(2026, 12, 18, 8));
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(DUE_SOON).list()).extracting(HistoricActivityInstance::isCanceled)
                .containsExactlyInAnyOrder(true, false);
        assertThat(runtimeService.createExecutionQuery().processInstanceId(pi.getId()).activityId(DUE_SOON).count()).isEqualTo(1);
        // DueSoon and the acknowledgement reminder, no other timer.
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).timers().count()).isEqualTo(2);
    }

    /**
     * An assignment started before the watch moved to the process level (ADR 8 addendum of 2026-12-02)
     * keeps its {@code DeadlineWatch} subprocess, and is restarted as before: by the message its
     * boundary waits for.
     */
    @Test
    void anAssignmentStartedOnThePreviousVersionIsRestartedByItsMessage() {
        Deployment previous = repositoryService.createDeployment().name("agency-assignment with the watch subprocess")
                .addClasspathResource("previous-models/agency-assignment-with-watch-subprocess.bpmn").deploy();
        try {
            Assignment a = issue(DirectiveFixtures.withDeadline("Phiên bản trước " + System.nanoTime(), List.of("SNGV"),
                    LocalDate.of(2026, 12, 18)));
            ProcessInstance pi = instance(a);
            assertThat(repositoryService.getProcessDefinition(pi.getProcessDefinitionId()).getDeploymentId())
                    .isEqualTo(previous.getId());
            assertThat(activitiesRecorded(a)).contains("DeadlineWatch", "WatchStarted", DUE_SOON);

            deadlineChanges.move(a.id(), LocalDate.of(2026, 12, 23));
            assertThat(pi).isWaitingAt(ACKNOWLEDGE_RECEIPT, DUE_SOON);
            assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).timers().activityId(DUE_SOON).list())
                    .extracting(Job::getDuedate).containsExactly(DeadlineFollowUpTest.at(2026, 12, 18, 8));
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                    .activityId("DeadlineWatch").list()).extracting(HistoricActivityInstance::isCanceled)
                    .containsExactlyInAnyOrder(true, false);
            assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(pi.getId())
                    .eventName(AgencyAssignmentProcess.MESSAGE_DEADLINE_CHANGED).count()).isEqualTo(1);
        } finally {
            deleteAllProcessInstances();
            repositoryService.deleteDeployment(previous.getId(), true);
        }
        // Assignments issued from now on get the watch on the process level again.
        Assignment next = issue(DirectiveFixtures.withDeadline("Phiên bản mới " + System.nanoTime(), List.of("SNGV"),
                LocalDate.of(2026, 12, 18)));
        assertThat(activitiesRecorded(next)).doesNotContain("DeadlineWatch").contains(DUE_SOON);
    }

    @Test
    void ongoingItemWithAPeriodEndWaitsForItsEndBesideTheWork() {
        Assignment a = issue(DirectiveFixtures.ongoingUntil("Thường xuyên có kỳ " + System.nanoTime(), List.of("SNGV"),
                LocalDate.of(2026, 12, 31)));
        ProcessInstance pi = instance(a);
        assertThat(pi).hasPassed(NOTIFY_AGENCY, PERIOD_END_GATEWAY).isWaitingAt(ACKNOWLEDGE_RECEIPT, PERIOD_ENDED)
                .hasNotPassed(NOTHING_TO_WATCH);
        assertThat(activitiesRecorded(a)).containsExactlyInAnyOrder(
                ASSIGNMENT_RECEIVED, NOTIFY_AGENCY, ACKNOWLEDGE_RECEIPT, PERIOD_END_GATEWAY, PERIOD_ENDED);
    }

    @Test
    void ongoingItemWithoutAPeriodEndHasNothingToWatch() {
        Assignment a = issue(DirectiveFixtures.smallDirective("Thường xuyên không kỳ " + System.nanoTime(), List.of("SNGV"),
                List.of()));
        ProcessInstance pi = instance(a);
        assertThat(pi).hasPassed(NOTIFY_AGENCY, PERIOD_END_GATEWAY, NOTHING_TO_WATCH).isWaitingAt(ACKNOWLEDGE_RECEIPT);
        assertThat(activitiesRecorded(a)).containsExactlyInAnyOrder(
                ASSIGNMENT_RECEIVED, NOTIFY_AGENCY, ACKNOWLEDGE_RECEIPT, PERIOD_END_GATEWAY, NOTHING_TO_WATCH);
        // The acknowledgement reminder is the only timer: no deadline and no period end to wait for.
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).timers().count()).isEqualTo(1);
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).timers().activityId(ACKNOWLEDGE_OVERDUE)
                .count()).isEqualTo(1);
    }
}
