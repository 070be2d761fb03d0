package vn.directivetracker.assignment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.*;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Variables.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.directive.DirectiveEvent;
import vn.directivetracker.directive.DirectiveRepository;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * Every path of agency-assignment: progress reported repeatedly, head returns, coordinator returns
 * with a reason, coordinator accepts; and the rules that keep bad input out.
 */
class AgencyAssignmentProcessTest extends IntegrationTest {

    @Autowired AssignmentRepository assignments;
    @Autowired DirectiveRepository directives;

    private Assignment assignment;
    private ProcessInstance pi;

    @BeforeEach
    void issueOneItemToSoNgoaiVu() {
        long directiveId = submitAndIssue(DirectiveFixtures.smallDirective("Nhiệm vụ thử", List.of("SNGV"), List.of()));
        assignment = assignments.ofDirective(directiveId).get(0);
        pi = runtimeService.createProcessInstanceQuery().processInstanceId(assignment.processInstanceId()).singleResult();
    }

    private Map<String, Object> progress(String note, int percent, boolean ready) {
        Map<String, Object> v = new HashMap<>();
        v.put(PROGRESS_NOTE, note);
        v.put(PROGRESS_PERCENT, percent);
        v.put(RESULT_READY, ready);
        return v;
    }

    @Test
    void agencyReportsHeadApprovesCoordinatorAccepts() {
        Assertions.assertThat(pi.getBusinessKey()).matches("\\d{2,}/UBND-KGVX/SNGV");
        // NotifyAgency's work is its outbox row; it has no activity history (ADR 39).
        assertThat(pi).isWaitingAt(ACKNOWLEDGE_RECEIPT);
        Assertions.assertThat(outboxRows(assignment.id(), "ASSIGNMENT_RECEIVED")).isEqualTo(1);
        assertThat(task(pi.getId(), ACKNOWLEDGE_RECEIPT)).hasCandidateGroup("SNGV");

        complete(pi.getId(), ACKNOWLEDGE_RECEIPT, "cbsngv", Map.of("acknowledged", true));
        Assertions.assertThat(assignments.get(assignment.id()).acknowledgedAt()).isNotNull();
        assertThat(pi).isWaitingAt(REPORT_PROGRESS);

        complete(pi.getId(), REPORT_PROGRESS, "cbsngv", progress("Đã xây dựng kế hoạch", 30, false));
        assertThat(pi).isWaitingAt(REPORT_PROGRESS);
        complete(pi.getId(), REPORT_PROGRESS, "cbsngv", progress("Đã tổ chức tuyên truyền", 100, true));
        assertThat(pi).isWaitingAt(APPROVE_RESULT);
        assertThat(task(pi.getId(), APPROVE_RESULT)).hasCandidateGroup("SNGVhead");

        complete(pi.getId(), APPROVE_RESULT, "ldsngv", Map.of(HEAD_DECISION, "APPROVE"));
        assertThat(pi).isWaitingAt(REVIEW_RESULT);
        assertThat(task(pi.getId(), REVIEW_RESULT)).hasCandidateGroup("coordinator");
        Assertions.assertThat(assignments.get(assignment.id()).phase()).isEqualTo(AssignmentPhase.AWAITING_REVIEW);

        complete(pi.getId(), REVIEW_RESULT, "dieuphoi", Map.of(REVIEW_DECISION, "ACCEPT"));
        executeJobs();
        assertThat(pi).hasPassed(COMPLETE_ASSIGNMENT).isEnded();
        Assignment done = assignments.get(assignment.id());
        Assertions.assertThat(done.phase()).isEqualTo(AssignmentPhase.COMPLETED);
        Assertions.assertThat(done.completedAt()).isNotNull();
        Assertions.assertThat(assignments.progressReports(assignment.id()))
                .extracting(ProgressReport::note, ProgressReport::percentDone, ProgressReport::reportedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Đã xây dựng kế hoạch", 30, "cbsngv"),
                        org.assertj.core.groups.Tuple.tuple("Đã tổ chức tuyên truyền", 100, "cbsngv"));
    }

    @Test
    void headReturnsTheResultToTheOfficer() {
        complete(pi.getId(), ACKNOWLEDGE_RECEIPT, "cbsngv", Map.of("acknowledged", true));
        complete(pi.getId(), REPORT_PROGRESS, "cbsngv", progress("Kết quả sơ bộ", 90, true));
        complete(pi.getId(), APPROVE_RESULT, "ldsngv", Map.of(HEAD_DECISION, "RETURN", HEAD_COMMENT, "Bổ sung số liệu"));
        assertThat(pi).isWaitingAt(REPORT_PROGRESS);
        Assertions.assertThat(assignments.get(assignment.id()).phase()).isEqualTo(AssignmentPhase.IN_PROGRESS);
        Assertions.assertThat(directives.events(assignment.directiveId())).extracting(DirectiveEvent::type, DirectiveEvent::comment)
                .contains(org.assertj.core.groups.Tuple.tuple("HEAD_RETURNED", "Bổ sung số liệu"));
    }

    @Test
    void coordinatorReturnsWithAReasonAndTheAgencyReworks() {
        complete(pi.getId(), ACKNOWLEDGE_RECEIPT, "cbsngv", Map.of("acknowledged", true));
        complete(pi.getId(), REPORT_PROGRESS, "cbsngv", progress("Kết quả", 100, true));
        complete(pi.getId(), APPROVE_RESULT, "ldsngv", Map.of(HEAD_DECISION, "APPROVE"));
        complete(pi.getId(), REVIEW_RESULT, "dieuphoi", Map.of(REVIEW_DECISION, "RETURN", RETURN_REASON, "Chưa đánh giá kết quả"));
        assertThat(pi).isWaitingAt(REPORT_PROGRESS);
        Assertions.assertThat(directives.events(assignment.directiveId())).extracting(DirectiveEvent::type, DirectiveEvent::comment)
                .contains(org.assertj.core.groups.Tuple.tuple("RESULT_RETURNED", "Chưa đánh giá kết quả"));

        complete(pi.getId(), REPORT_PROGRESS, "cbsngv", progress("Kết quả đã bổ sung đánh giá", 100, true));
        complete(pi.getId(), APPROVE_RESULT, "ldsngv", Map.of(HEAD_DECISION, "APPROVE"));
        complete(pi.getId(), REVIEW_RESULT, "dieuphoi", Map.of(REVIEW_DECISION, "ACCEPT"));
        executeJobs();
        assertThat(pi).isEnded();
    }

    @Test
    void returnWithoutReasonIsRefusedAndChangesNothing() {
        complete(pi.getId(), ACKNOWLEDGE_RECEIPT, "cbsngv", Map.of("acknowledged", true));
        complete(pi.getId(), REPORT_PROGRESS, "cbsngv", progress("Kết quả", 100, true));
        complete(pi.getId(), APPROVE_RESULT, "ldsngv", Map.of(HEAD_DECISION, "APPROVE"));
        long events = count("directive_event");

        assertThatThrownBy(() -> complete(pi.getId(), REVIEW_RESULT, "dieuphoi", Map.of(REVIEW_DECISION, "RETURN")))
                .hasMessageContaining("lý do");
        assertThat(pi).isWaitingAt(REVIEW_RESULT);
        Assertions.assertThat(count("directive_event")).isEqualTo(events);
        Assertions.assertThat(assignments.get(assignment.id()).phase()).isEqualTo(AssignmentPhase.AWAITING_REVIEW);
    }

    @Test
    void progressWithoutNoteIsRefused() {
        complete(pi.getId(), ACKNOWLEDGE_RECEIPT, "cbsngv", Map.of("acknowledged", true));
        long reports = count("progress_report");
        assertThatThrownBy(() -> complete(pi.getId(), REPORT_PROGRESS, "cbsngv", progress(" ", 10, false)))
                .hasMessageContaining("nội dung");
        assertThatThrownBy(() -> complete(pi.getId(), REPORT_PROGRESS, "cbsngv", progress("Tiến độ", 140, false)))
                .hasMessageContaining("0 đến 100");
        assertThat(pi).isWaitingAt(REPORT_PROGRESS);
        Assertions.assertThat(count("progress_report")).isEqualTo(reports);
    }

    @Test
    void aChildStartedWithoutAParentBindsTheAssignmentItsOwnVariableNames() {
        // The fallback of passedAssignmentId: no super execution (or a parent deployed before ADR 27).
        assignments.insertIfAbsent(assignment.directiveId(), assignment.itemId(), "SCT",
                vn.directivetracker.directive.ResponsibleRole.COORDINATING, null, java.time.LocalDateTime.now());
        Assignment added = assignments.getByItemAndAgency(assignment.itemId(), "SCT");
        ProcessInstance child = runtimeService.startProcessInstanceByKey(AgencyAssignmentProcess.KEY, Map.of(ASSIGNMENT_ID, added.id()));
        Assertions.assertThat(assignments.get(added.id()).processInstanceId()).isEqualTo(child.getId());
        assertThat(task(child.getId(), ACKNOWLEDGE_RECEIPT)).hasCandidateGroup("SCT");
    }

    @Test
    void aChildCannotTakeOverAnAssignmentAlreadyBoundToAnotherInstance() {
        long children = runtimeService.createProcessInstanceQuery().processDefinitionKey(AgencyAssignmentProcess.KEY).count();
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(AgencyAssignmentProcess.KEY,
                Map.of(ASSIGNMENT_ID, assignment.id()))).hasMessageContaining("đã gắn với một quy trình khác");
        Assertions.assertThat(assignments.get(assignment.id()).processInstanceId()).isEqualTo(pi.getId());
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(AgencyAssignmentProcess.KEY).count())
                .isEqualTo(children);
    }
}
