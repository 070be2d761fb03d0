package vn.directivetracker.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.*;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Variables.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * The follow-up timers of agency-assignment, driven by the engine clock: acknowledgement reminder,
 * due soon, overdue, escalation to the provincial leader and each of the leader's decisions.
 * Deadline: Friday 18/12/2026; "today" Monday 30/11/2026, 09:00 in Vietnam.
 */
class DeadlineFollowUpTest extends IntegrationTest {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalDate DEADLINE = LocalDate.of(2026, 12, 18);

    @Autowired AssignmentRepository assignments;
    @Autowired AssignmentFormContext formContext;
    @Autowired HistoryService historyService;
    @Autowired DeadlineChanges deadlineChanges;

    Assignment assignment;
    ProcessInstance pi;

    static void clockAt(LocalDateTime vietnamTime) {
        ClockUtil.setCurrentTime(Date.from(vietnamTime.atZone(VIETNAM).toInstant()));
    }

    @BeforeEach
    void issueItemDueOn18December() {
        deleteAllProcessInstances();
        clockAt(LocalDateTime.of(2026, 11, 30, 9, 0));
        long id = submitAndIssue(DirectiveFixtures.withDeadline("Theo dõi thời hạn " + System.nanoTime(), List.of("SNGV"), DEADLINE));
        assignment = assignments.ofDirective(id).get(0);
        pi = runtimeService.createProcessInstanceQuery().processInstanceId(assignment.processInstanceId()).singleResult();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        deleteAllProcessInstances();
    }

    long notifications(String eventType) {
        return jdbc.sql("select count(*) from notification where assignment_id = ? and event_type = ?")
                .params(assignment.id(), eventType).query(Long.class).single();
    }

    List<Date> timerDueDates() {
        return managementService.createJobQuery().processInstanceId(pi.getId()).timers().list().stream()
                .map(Job::getDuedate).sorted().toList();
    }

    static Date at(int year, int month, int day, int hour) {
        return Date.from(LocalDateTime.of(year, month, day, hour, 0).atZone(VIETNAM).toInstant());
    }

    void acknowledge() {
        complete(pi.getId(), ACKNOWLEDGE_RECEIPT, "cbsngv", Map.of("acknowledged", true));
    }

    /** Acknowledged, and the watch's first timer (Wednesday 2/12, 08:00) has fired: the ladder waits at DueSoon. */
    void acknowledgeAndReachDueSoon() {
        acknowledge();
        clockAt(LocalDateTime.of(2026, 12, 2, 8, 1));
        executeJobs();
        assertThat(pi).isWaitingAt(REPORT_PROGRESS, DUE_SOON);
    }

    Map<String, Object> extensionRequest(String date, String reason) {
        Map<String, Object> v = new HashMap<>();
        v.put(PROGRESS_NOTE, "Đang thực hiện");
        v.put(PROGRESS_PERCENT, 40);
        v.put(RESULT_READY, false);
        v.put(REQUEST_EXTENSION, true);
        v.put(REQUESTED_DEADLINE, date);
        v.put(EXTENSION_REASON, reason);
        return v;
    }

    void escalate() {
        acknowledge();
        clockAt(LocalDateTime.of(2026, 12, 25, 8, 1));
        executeJobs();
        assertThat(pi).isWaitingAt(HANDLE_OVERDUE, REPORT_PROGRESS);
    }

    @Test
    void timersAreSetFromTheDeadlineInWorkingDays() {
        // One timer at a time (ADR 32): first the acknowledgement reminder, 2 working days after receipt.
        assertThat(pi).isWaitingAt(ACKNOWLEDGE_RECEIPT, ACKNOWLEDGE_OVERDUE);
        Assertions.assertThat(timerDueDates()).containsExactly(at(2026, 12, 2, 8));
        // The agency's task carries the deadline, so Tasklist shows it and its due-date filters work.
        Assertions.assertThat(task(pi.getId(), ACKNOWLEDGE_RECEIPT).getDueDate())
                .isEqualTo(Date.from(DEADLINE.atTime(23, 59).atZone(VIETNAM).toInstant()));
        // Then "due soon", 3 working days before the deadline.
        acknowledgeAndReachDueSoon();
        Assertions.assertThat(timerDueDates()).containsExactly(at(2026, 12, 15, 8));
    }

    @Test
    void acknowledgementReminderFiresOnceWhenNotAcknowledged() {
        clockAt(LocalDateTime.of(2026, 12, 2, 7, 59));
        executeJobs();
        Assertions.assertThat(notifications("ACKNOWLEDGEMENT_REMINDER")).isZero();
        clockAt(LocalDateTime.of(2026, 12, 2, 8, 1));
        executeJobs();
        Assertions.assertThat(notifications("ACKNOWLEDGEMENT_REMINDER")).isEqualTo(1);
        // The watch goes on to the deadline; the agency still has to acknowledge.
        assertThat(pi).isWaitingAt(ACKNOWLEDGE_RECEIPT, DUE_SOON);
        Assertions.assertThat(timerDueDates()).containsExactly(at(2026, 12, 15, 8));
        clockAt(LocalDateTime.of(2026, 12, 14, 8, 1));
        executeJobs();
        Assertions.assertThat(notifications("ACKNOWLEDGEMENT_REMINDER")).isEqualTo(1);
    }

    /** ADR 32: the first timer outlives the acknowledgement, so it must not remind an agency that has acknowledged. */
    @Test
    void anAgencyThatHasAcknowledgedIsNotRemindedAndTheWatchGoesOn() {
        acknowledgeAndReachDueSoon();
        Assertions.assertThat(notifications("ACKNOWLEDGEMENT_REMINDER")).isZero();
        Assertions.assertThat(timerDueDates()).containsExactly(at(2026, 12, 15, 8));
    }

    /**
     * A deadline moved to Friday 4/12 while the watch waits at its first timer: "due soon" (Tuesday 1/12)
     * now comes before the acknowledgement reminder (Wednesday 2/12), so the waiting timer is re-planned
     * to it, and both reminders go out then. Nothing of the ladder is started early.
     */
    @Test
    void aDeadlineCloserThanTheAcknowledgementReminderBringsTheFirstTimerForward() {
        deadlineChanges.move(assignment.id(), LocalDate.of(2026, 12, 4));
        assertThat(pi).isWaitingAt(ACKNOWLEDGE_RECEIPT, ACKNOWLEDGE_OVERDUE);
        Assertions.assertThat(timerDueDates()).containsExactly(at(2026, 12, 1, 8));
        clockAt(LocalDateTime.of(2026, 12, 1, 8, 1));
        executeJobs();
        Assertions.assertThat(notifications("ACKNOWLEDGEMENT_REMINDER")).isEqualTo(1);
        Assertions.assertThat(notifications("DUE_SOON_REMINDER")).isEqualTo(1);
        // Overdue from the first working day after Friday 4/12: Monday 7/12.
        assertThat(pi).isWaitingAt(ACKNOWLEDGE_RECEIPT, DEADLINE_REACHED);
        Assertions.assertThat(timerDueDates()).containsExactly(at(2026, 12, 7, 8));
    }

    /** An extension approved before the first timer fired: the ladder starts from the new deadline when it does. */
    @Test
    void anExtensionWhileTheWatchWaitsAtItsFirstTimerStartsTheLadderFromTheNewDeadline() {
        acknowledge();
        complete(pi.getId(), REPORT_PROGRESS, "cbsngv", extensionRequest("23/12/2026", "Chờ số liệu của Bộ"));
        complete(pi.getId(), DECIDE_EXTENSION, "dieuphoi", Map.of(EXTENSION_DECISION, "APPROVE"));
        executeJobs();
        assertThat(pi).isWaitingAt(REPORT_PROGRESS, ACKNOWLEDGE_OVERDUE);
        Assertions.assertThat(timerDueDates()).containsExactly(at(2026, 12, 2, 8));
        clockAt(LocalDateTime.of(2026, 12, 2, 8, 1));
        executeJobs();
        // 3 working days before Wednesday 23/12: Friday 18/12.
        assertThat(pi).isWaitingAt(REPORT_PROGRESS, DUE_SOON);
        Assertions.assertThat(timerDueDates()).containsExactly(at(2026, 12, 18, 8));
        Assertions.assertThat(notifications("ACKNOWLEDGEMENT_REMINDER")).isZero();
    }

    @Test
    void dueSoonThenOverdueThenEscalationToTheProvincialLeader() {
        acknowledge();
        clockAt(LocalDateTime.of(2026, 12, 15, 8, 1));
        executeJobs();
        Assertions.assertThat(notifications("DUE_SOON_REMINDER")).isEqualTo(1);
        Assertions.assertThat(notifications("OVERDUE_NOTICE")).isZero();
        assertThat(pi).isWaitingAt(DEADLINE_REACHED, REPORT_PROGRESS);

        clockAt(LocalDateTime.of(2026, 12, 21, 8, 1));
        executeJobs();
        // Agency, its head and the coordinator (dieuphoi) are told.
        Assertions.assertThat(notifications("OVERDUE_NOTICE")).isEqualTo(3);
        assertThat(pi).isWaitingAt(ESCALATION_DUE, REPORT_PROGRESS);

        clockAt(LocalDateTime.of(2026, 12, 25, 8, 1));
        executeJobs();
        assertThat(pi).isWaitingAt(HANDLE_OVERDUE);
        assertThat(task(pi.getId(), HANDLE_OVERDUE)).hasCandidateGroup("provincialleader");
        // The leader (lanhdaoubnd) gets the escalation email, not also the generic new-task one.
        Assertions.assertThat(notifications("ESCALATION")).isEqualTo(1);
        Assertions.assertThat(jdbc.sql("select count(*) from notification where event_type = 'TASK_CREATED' and recipient = "
                + "'lanhdaoubnd@example.gov.vn' and assignment_id = ?").param(assignment.id()).query(Long.class).single()).isZero();
    }

    @Test
    void formalReminderNotifiesAndRestartsTheEscalationClock() {
        escalate();
        complete(pi.getId(), HANDLE_OVERDUE, "lanhdaoubnd", Map.of(LEADER_DECISION, "REMIND", LEADER_COMMENT, "Khẩn trương"));
        executeJobs();
        Assertions.assertThat(notifications("ASSIGNMENT_NOTICE")).isEqualTo(2); // agency and its head
        assertThat(pi).isWaitingAt(ESCALATION_DUE, REPORT_PROGRESS);
        // 5 working days after the reminder of Friday 25/12: 1/1/2027 is a holiday, so Monday 4/1/2027.
        Assertions.assertThat(timerDueDates()).containsExactly(at(2027, 1, 4, 8));
    }

    /**
     * A deadline moved while the leader's formal reminder waits for its job (asyncBefore: a transition
     * instance, not an activity instance) restarts the watch without it: the job is cancelled with the
     * rest of the watch, one DueSoon timer from the new deadline is left.
     */
    @Test
    void aDeadlineMovedWhileALeaderDecisionWaitsForItsJobRestartsTheWatchWithoutIt() {
        escalate();
        complete(pi.getId(), HANDLE_OVERDUE, "lanhdaoubnd", Map.of(LEADER_DECISION, "REMIND", LEADER_COMMENT, "Khẩn trương"));
        Assertions.assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).activityId(SEND_FORMAL_REMINDER)
                .count()).isEqualTo(1);
        deadlineChanges.move(assignment.id(), LocalDate.of(2027, 1, 15));
        assertThat(pi).isWaitingAt(DUE_SOON, REPORT_PROGRESS);
        Assertions.assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
        Assertions.assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).activityId(DUE_SOON).list())
                .extracting(Job::getDuedate).containsExactly(at(2027, 1, 12, 8));
        executeJobs();
        Assertions.assertThat(notifications("ASSIGNMENT_NOTICE")).isZero();
    }

    @Test
    void leaderExtensionMovesEveryTimerAndNoOldTimerFires() {
        escalate();
        complete(pi.getId(), HANDLE_OVERDUE, "lanhdaoubnd", Map.of(LEADER_DECISION, "EXTEND", LEADER_NEW_DEADLINE, "15/01/2027")); // typed as in the form: dd/mm/yyyy
        executeJobs();
        Assertions.assertThat(assignments.get(assignment.id()).deadline()).isEqualTo(LocalDate.of(2027, 1, 15));
        assertThat(pi).isWaitingAt(DUE_SOON, REPORT_PROGRESS);
        // The leader's extension runs on the watch's own token, which flows back to DueSoon: one timer.
        Assertions.assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
        Assertions.assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).activityId(DUE_SOON).list())
                .extracting(Job::getDuedate).containsExactly(at(2027, 1, 12, 8));
        // The forms show the new deadline from our table (ADR 27); no variable carries a copy.
        Assertions.assertThat(formContext.ofProcessInstance(pi.getId()).orElseThrow()).containsEntry(DEADLINE_LABEL, "15/01/2027");
        Assertions.assertThat(runtimeService.getVariable(pi.getId(), DEADLINE_LABEL)).isNull();
        Assertions.assertThat(task(pi.getId(), REPORT_PROGRESS).getDueDate())
                .isEqualTo(Date.from(LocalDate.of(2027, 1, 15).atTime(23, 59).atZone(VIETNAM).toInstant()));
    }

    @Test
    void leaderReassignsToAnotherAgencyWhoseStaffThenSeeTheTask() {
        escalate();
        complete(pi.getId(), HANDLE_OVERDUE, "lanhdaoubnd", Map.of(LEADER_DECISION, "REASSIGN", REASSIGN_TO, "STC",
                LEADER_NEW_DEADLINE, "29/01/2027", LEADER_COMMENT, "Giao Sở Tài chính"));
        executeJobs();
        Assignment moved = assignments.get(assignment.id());
        Assertions.assertThat(moved.agencyCode()).isEqualTo("STC");
        Assertions.assertThat(moved.reassignedFrom()).isEqualTo("SNGV");
        Assertions.assertThat(moved.deadline()).isEqualTo(LocalDate.of(2027, 1, 29));
        Assertions.assertThat(formContext.ofProcessInstance(pi.getId()).orElseThrow())
                .containsEntry(AGENCY_NAME, "Sở Tài chính").containsEntry(DEADLINE_LABEL, "29/01/2027");
        assertThat(task(pi.getId(), REPORT_PROGRESS)).hasCandidateGroup("STC");
        Assertions.assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("SNGV").count()).isZero();
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getBusinessKey()).endsWith("/STC");
        Assertions.assertThat(jdbc.sql("select count(*) from notification where assignment_id = ? and event_type = "
                + "'ASSIGNMENT_RECEIVED' and recipient = 'stc@example.gov.vn'").param(assignment.id()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void badLeaderDecisionIsRefusedAndChangesNothing() {
        escalate();
        assertThatThrownBy(() -> complete(pi.getId(), HANDLE_OVERDUE, "lanhdaoubnd",
                Map.of(LEADER_DECISION, "EXTEND", LEADER_NEW_DEADLINE, "2026-12-01")))
                .hasStackTraceContaining("phải sau hôm nay");
        for (String notADate : List.of("2027/01/15", "31/02/2027")) {
            assertThatThrownBy(() -> complete(pi.getId(), HANDLE_OVERDUE, "lanhdaoubnd",
                    Map.of(LEADER_DECISION, "EXTEND", LEADER_NEW_DEADLINE, notADate)))
                    .hasStackTraceContaining("Thời hạn phải theo dạng dd/mm/yyyy");
        }
        assertThatThrownBy(() -> complete(pi.getId(), HANDLE_OVERDUE, "lanhdaoubnd",
                Map.of(LEADER_DECISION, "REASSIGN", REASSIGN_TO, "SNGV")))
                .hasStackTraceContaining("đã được giao");
        assertThatThrownBy(() -> complete(pi.getId(), HANDLE_OVERDUE, "lanhdaoubnd",
                Map.of(LEADER_DECISION, "REASSIGN", REASSIGN_TO, "ALL_COMMUNES")))
                .hasStackTraceContaining("Không có đơn vị mã 'ALL_COMMUNES'");
        assertThat(pi).isWaitingAt(HANDLE_OVERDUE);
        Assertions.assertThat(assignments.get(assignment.id()).deadline()).isEqualTo(DEADLINE);
    }

    @Test
    void approvedExtensionMovesTheTimersAndTheOldDueSoonNeverFires() {
        acknowledgeAndReachDueSoon();
        complete(pi.getId(), REPORT_PROGRESS, "cbsngv", extensionRequest("23/12/2026", "Chờ số liệu của Bộ"));
        assertThat(pi).isWaitingAt(DECIDE_EXTENSION, DUE_SOON);
        assertThat(task(pi.getId(), DECIDE_EXTENSION)).hasCandidateGroup("coordinator");
        complete(pi.getId(), DECIDE_EXTENSION, "dieuphoi", Map.of(EXTENSION_DECISION, "APPROVE"));
        executeJobs();

        Assertions.assertThat(assignments.get(assignment.id()).deadline()).isEqualTo(LocalDate.of(2026, 12, 23));
        assertThat(pi).isWaitingAt(REPORT_PROGRESS, DUE_SOON);
        // The watch was restarted by a modification of this instance from its own ApplyExtensionDecision
        // job: exactly one job is left, the new DueSoon timer, and the old DueSoon is cancelled.
        Assertions.assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
        Assertions.assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).activityId(DUE_SOON).list())
                .extracting(Job::getDuedate).containsExactly(at(2026, 12, 18, 8));
        Assertions.assertThat(runtimeService.getActivityInstance(pi.getId()).getActivityInstances(DUE_SOON)).hasSize(1);
        Assertions.assertThat(task(pi.getId(), REPORT_PROGRESS).getDueDate())
                .isEqualTo(Date.from(LocalDate.of(2026, 12, 23).atTime(23, 59).atZone(VIETNAM).toInstant()));
        clockAt(LocalDateTime.of(2026, 12, 15, 8, 1)); // when the old reminder was due
        executeJobs();
        Assertions.assertThat(notifications("DUE_SOON_REMINDER")).isZero();
        Assertions.assertThat(notifications("EXTENSION_DECIDED")).isEqualTo(1);
        // The work branch, whose job restarted the watch, goes on as before.
        complete(pi.getId(), REPORT_PROGRESS, "cbsngv", Map.of(PROGRESS_NOTE, "Xong", PROGRESS_PERCENT, 100,
                RESULT_READY, true, REQUEST_EXTENSION, false));
        assertThat(pi).isWaitingAt(APPROVE_RESULT, DUE_SOON);
    }

    @Test
    void rejectedExtensionKeepsDeadlineAndTimers() {
        acknowledgeAndReachDueSoon();
        List<Date> before = timerDueDates();
        complete(pi.getId(), REPORT_PROGRESS, "cbsngv", extensionRequest("2026-12-23", "Chờ số liệu"));
        assertThatThrownBy(() -> complete(pi.getId(), DECIDE_EXTENSION, "dieuphoi", Map.of(EXTENSION_DECISION, "REJECT")))
                .hasStackTraceContaining("phải nêu lý do");
        complete(pi.getId(), DECIDE_EXTENSION, "dieuphoi", Map.of(EXTENSION_DECISION, "REJECT", EXTENSION_COMMENT, "Đủ thời gian"));
        executeJobs();
        Assertions.assertThat(assignments.get(assignment.id()).deadline()).isEqualTo(DEADLINE);
        Assertions.assertThat(timerDueDates()).isEqualTo(before);
        assertThat(pi).isWaitingAt(REPORT_PROGRESS, DUE_SOON);
        Assertions.assertThat(notifications("EXTENSION_DECIDED")).isEqualTo(1);
    }

    @Test
    void longOrRepeatedExtensionsGoToTheProvincialLeader() {
        acknowledge();
        complete(pi.getId(), REPORT_PROGRESS, "cbsngv", extensionRequest("2027-02-26", "Khối lượng lớn"));
        assertThat(task(pi.getId(), DECIDE_EXTENSION)).hasCandidateGroup("provincialleader");
        complete(pi.getId(), DECIDE_EXTENSION, "lanhdaoubnd", Map.of(EXTENSION_DECISION, "REJECT", EXTENSION_COMMENT, "Quá dài"));
        executeJobs();
        complete(pi.getId(), REPORT_PROGRESS, "cbsngv", extensionRequest("2026-12-21", "Xin thêm một ngày"));
        assertThat(task(pi.getId(), DECIDE_EXTENSION)).hasCandidateGroup("provincialleader");
    }
}
