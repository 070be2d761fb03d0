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
 * The ways an assignment starts after {@code NotifyAgency}, whose two outgoing flows replace a fork
 * (issue 11, ADR 8 addendum): the work, and beside it the watch, which holds one timer at a time (ADR 32):
 * first the acknowledgement reminder, then, by the kind of work, the deadline ladder, the period-end
 * timer, or nothing more to watch. Each test says where the tokens are and which activity instances the
 * start wrote: no gateway at the start, which is the hot path of a fan-out.
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

    /** The assignment's "Giao nhiệm vụ" rows in the outbox: what {@code NotifyAgency} did. */
    private long receivedNotices(Assignment assignment) {
        return outboxRows(assignment.id(), "ASSIGNMENT_RECEIVED");
    }

    private List<String> activitiesRecorded(Assignment assignment) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(assignment.processInstanceId())
                .list().stream().map(HistoricActivityInstance::getActivityId).toList();
    }

    @Test
    void itemWithADeadlineStartsTheWorkAndTheWatchAtItsFirstTimer() {
        Assignment a = issue(DirectiveFixtures.withDeadline("Có thời hạn " + System.nanoTime(), List.of("SNGV"),
                LocalDate.of(2026, 12, 18)));
        ProcessInstance pi = instance(a);
        assertThat(pi).isWaitingAtExactly(ACKNOWLEDGE_RECEIPT, ACKNOWLEDGE_OVERDUE);
        assertThat(receivedNotices(a)).isEqualTo(1);
        // The watch's timers and gateways are not in the activity history (ADR 37), nor the start event and
        // the notice, which the instance's own history row and the outbox row record (ADR 39).
        assertThat(activitiesRecorded(a)).containsExactly(ACKNOWLEDGE_RECEIPT);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getStartActivityId()).isEqualTo(ASSIGNMENT_RECEIVED);
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(pi.getId()).count()).isZero();
        // What a fanned-out assignment costs the engine (ADR 32): one timer job and four executions (the
        // instance, one per token, the waiting timer's scope); the acknowledgement task has no boundary
        // event, so it is no scope of its own. The version before had two timers and five executions
        // (anAssignmentStartedWithTheAcknowledgementBoundaryTimerGoesOnAsBefore).
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
        assertThat(runtimeService.createExecutionQuery().processInstanceId(pi.getId()).count()).isEqualTo(4);

        // Wednesday 2/12, 08:00: the first timer fires and the ladder starts, 3 working days before 18/12.
        DeadlineFollowUpTest.clockAt(LocalDateTime.of(2026, 12, 2, 8, 1));
        executeJobs();
        // "Sắp đến hạn" is reached through DeadlineKindGateway's HasDeadline only.
        assertThat(pi).hasPassed(SEND_ACKNOWLEDGE_REMINDER).isWaitingAtExactly(ACKNOWLEDGE_RECEIPT, DUE_SOON);
        assertThat(timers(pi)).containsExactly(DeadlineFollowUpTest.at(2026, 12, 15, 8));

        // A moved deadline restarts the ladder by a modification: the old DueSoon is cancelled, one new
        // timer from the new deadline, one watch token.
        deadlineChanges.move(a.id(), LocalDate.of(2026, 12, 23));
        assertThat(pi).isWaitingAt(ACKNOWLEDGE_RECEIPT, DUE_SOON);
        assertThat(timers(pi)).containsExactly(DeadlineFollowUpTest.at(2026, 12, 18, 8));
        assertThat(runtimeService.getActivityInstance(pi.getId()).getActivityInstances(DUE_SOON)).hasSize(1);
        assertThat(runtimeService.createExecutionQuery().processInstanceId(pi.getId()).activityId(DUE_SOON).count()).isEqualTo(1);
    }

    /**
     * An assignment started on a version before ADR 32 keeps its acknowledgement task's boundary timer
     * beside the ladder: a moved deadline restarts the ladder as before, the boundary timer keeps its
     * date, and it still reminds the agency when it fires.
     */
    @Test
    void anAssignmentStartedWithTheAcknowledgementBoundaryTimerGoesOnAsBefore() {
        onPreviousVersion("agency-assignment-with-acknowledge-boundary.bpmn", (a, pi) -> {
            assertThat(pi).isWaitingAt(ACKNOWLEDGE_RECEIPT, DUE_SOON);
            assertThat(timers(pi)).containsExactlyInAnyOrder(DeadlineFollowUpTest.at(2026, 12, 2, 8),
                    DeadlineFollowUpTest.at(2026, 12, 15, 8));
            assertThat(runtimeService.createExecutionQuery().processInstanceId(pi.getId()).count()).isEqualTo(5);

            deadlineChanges.move(a.id(), LocalDate.of(2026, 12, 23));
            assertThat(timers(pi)).containsExactlyInAnyOrder(DeadlineFollowUpTest.at(2026, 12, 2, 8),
                    DeadlineFollowUpTest.at(2026, 12, 18, 8));

            DeadlineFollowUpTest.clockAt(LocalDateTime.of(2026, 12, 2, 8, 1));
            executeJobs();
            assertThat(pi).isWaitingAt(ACKNOWLEDGE_RECEIPT, DUE_SOON);
            assertThat(outboxRows(a.id(), "ACKNOWLEDGEMENT_REMINDER")).isEqualTo(1);
            assertThat(timers(pi)).containsExactly(DeadlineFollowUpTest.at(2026, 12, 18, 8));
        });
    }

    /**
     * Deploys a model kept from an earlier version over the current one, issues an item with a deadline
     * on it, and checks its instance; the current version is the latest again afterwards.
     */
    private void onPreviousVersion(String model, java.util.function.BiConsumer<Assignment, ProcessInstance> check) {
        Deployment previous = repositoryService.createDeployment().name(model)
                .addClasspathResource("previous-models/" + model).deploy();
        try {
            Assignment a = issue(DirectiveFixtures.withDeadline("Phiên bản trước " + System.nanoTime(), List.of("SNGV"),
                    LocalDate.of(2026, 12, 18)));
            ProcessInstance pi = instance(a);
            assertThat(repositoryService.getProcessDefinition(pi.getProcessDefinitionId()).getDeploymentId())
                    .isEqualTo(previous.getId());
            check.accept(a, pi);
        } finally {
            deleteAllProcessInstances();
            repositoryService.deleteDeployment(previous.getId(), true);
        }
    }

    /**
     * An assignment started before the watch moved to the process level (ADR 8 addendum of 2026-12-02)
     * keeps its {@code DeadlineWatch} subprocess, and is restarted as before: by the message its
     * boundary waits for.
     */
    @Test
    void anAssignmentStartedOnThePreviousVersionIsRestartedByItsMessage() {
        onPreviousVersion("agency-assignment-with-watch-subprocess.bpmn", (a, pi) -> {
            assertThat(activitiesRecorded(a)).contains("DeadlineWatch", "WatchStarted");

            deadlineChanges.move(a.id(), LocalDate.of(2026, 12, 23));
            assertThat(pi).isWaitingAt(ACKNOWLEDGE_RECEIPT, DUE_SOON);
            assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).timers().activityId(DUE_SOON).list())
                    .extracting(Job::getDuedate).containsExactly(DeadlineFollowUpTest.at(2026, 12, 18, 8));
            assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                    .activityId("DeadlineWatch").list()).extracting(HistoricActivityInstance::isCanceled)
                    .containsExactlyInAnyOrder(true, false);
            assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(pi.getId())
                    .eventName(AgencyAssignmentProcess.MESSAGE_DEADLINE_CHANGED).count()).isEqualTo(1);
        });
        // Assignments issued from now on get the watch on the process level again.
        Assignment next = issue(DirectiveFixtures.withDeadline("Phiên bản mới " + System.nanoTime(), List.of("SNGV"),
                LocalDate.of(2026, 12, 18)));
        assertThat(activitiesRecorded(next)).doesNotContain("DeadlineWatch");
        assertThat(instance(next)).isWaitingAtExactly(ACKNOWLEDGE_RECEIPT, ACKNOWLEDGE_OVERDUE);
    }

    @Test
    void ongoingItemWithAPeriodEndWaitsForItsEndBesideTheWork() {
        Assignment a = issue(DirectiveFixtures.ongoingUntil("Thường xuyên có kỳ " + System.nanoTime(), List.of("SNGV"),
                LocalDate.of(2026, 12, 31)));
        ProcessInstance pi = instance(a);
        assertThat(pi).isWaitingAt(ACKNOWLEDGE_RECEIPT, ACKNOWLEDGE_OVERDUE);
        assertThat(receivedNotices(a)).isEqualTo(1);
        assertThat(timers(pi)).containsExactly(DeadlineFollowUpTest.at(2026, 12, 2, 8));

        DeadlineFollowUpTest.clockAt(LocalDateTime.of(2026, 12, 2, 8, 1));
        executeJobs();
        assertThat(pi).hasPassed(SEND_ACKNOWLEDGE_REMINDER).isWaitingAtExactly(ACKNOWLEDGE_RECEIPT, PERIOD_ENDED);
        assertThat(timers(pi)).containsExactly(java.util.Date.from(
                LocalDate.of(2027, 1, 1).atStartOfDay(DeadlineFollowUpTest.VIETNAM).toInstant()));
    }

    @Test
    void ongoingItemWithoutAPeriodEndHasNothingMoreToWatchAfterTheReminder() {
        Assignment a = issue(DirectiveFixtures.smallDirective("Thường xuyên không kỳ " + System.nanoTime(), List.of("SNGV"),
                List.of()));
        ProcessInstance pi = instance(a);
        assertThat(pi).isWaitingAt(ACKNOWLEDGE_RECEIPT, ACKNOWLEDGE_OVERDUE);
        assertThat(receivedNotices(a)).isEqualTo(1);
        assertThat(timers(pi)).containsExactly(DeadlineFollowUpTest.at(2026, 12, 2, 8));

        DeadlineFollowUpTest.clockAt(LocalDateTime.of(2026, 12, 2, 8, 1));
        executeJobs();
        // The watch's token ended at "Không theo dõi thời hạn": only the work waits, no timer is left.
        assertThat(pi).hasPassed(SEND_ACKNOWLEDGE_REMINDER).isWaitingAtExactly(ACKNOWLEDGE_RECEIPT);
        assertThat(timers(pi)).isEmpty();
        // ADR 37: the reminder is in the history, the timer that fired it and the gateways and end event
        // it passed are not; nor is the timer job's success (its work is the reminder's row and email).
        assertThat(activitiesRecorded(a)).containsExactlyInAnyOrder(ACKNOWLEDGE_RECEIPT, SEND_ACKNOWLEDGE_REMINDER);
        assertThat(historyService.createHistoricJobLogQuery().processInstanceId(pi.getId()).successLog().count()).isZero();
        assertThat(outboxRows(a.id(), "ACKNOWLEDGEMENT_REMINDER")).isEqualTo(1);
    }

    private List<java.util.Date> timers(ProcessInstance pi) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).timers().list().stream()
                .map(Job::getDuedate).toList();
    }
}
