package vn.directivetracker.reporting.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.directivetracker.reporting.collection.ReportCollectionProcess.Elements.*;
import static vn.directivetracker.reporting.collection.ReportCollectionProcess.Variables.*;
import static vn.directivetracker.reporting.ReportingFixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.directive.ReportSchedule;
import vn.directivetracker.support.IntegrationTest;
import vn.directivetracker.common.Decisions;

/**
 * The report collection of one quarter for a directive whose ongoing item four departments report
 * on quarterly (issued Monday 30/11/2026). Quý IV/2026 is cut off on Monday 14/12, due Thursday 17/12
 * (3 working days), overdue from Friday 18/12, late reports accepted until Monday 21/12, collection
 * closes Tuesday 22/12 at 08:00.
 */
class ReportCollectionProcessTest extends IntegrationTest {

    @Autowired ReportPeriodOpener opener;
    @Autowired ReportPeriodRepository periods;

    private long directiveId;

    @BeforeEach
    void issueQuarterlyDirective() {
        deleteAllProcessInstances();
        clockAt(LocalDateTime.of(2026, 11, 30, 9, 0));
        directiveId = submitAndIssue(directive("Báo cáo quý " + System.nanoTime(),
                ongoing("1", ReportSchedule.QUARTERLY, "SNGV", "STC", "SCT", "SVHTTDL")));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        deleteAllProcessInstances();
    }

    private ReportPeriod openQ4() {
        clockAt(LocalDateTime.of(2026, 12, 14, 9, 0));
        List<ReportPeriod> opened = opener.openDuePeriods(LocalDate.of(2026, 12, 14)).stream()
                .filter(p -> p.directiveId() == directiveId).toList();
        assertThat(opened).hasSize(1);
        executeJobs();
        return opened.get(0);
    }

    private Task agencyTask(String pi, String key, String group) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key)
                .taskCandidateGroup(group).list();
        assertThat(tasks).as(key + " for " + group).hasSize(1);
        return tasks.get(0);
    }

    private void completeAs(String user, Task task, Map<String, Object> variables) {
        asUser(user, () -> {
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), variables);
        });
    }

    /** The officer writes the report, the head approves it. */
    private void submitAndIssueLeavingJobs(String pi, String agency, String text) {
        String lower = agency.toLowerCase();
        completeAs("cb" + lower, agencyTask(pi, SUBMIT_REPORT, agency),
                Map.of(REPORT_TEXT, text, REPORT_FIGURES, "Số tin bài: 12"));
        completeAs("ld" + lower, agencyTask(pi, APPROVE_REPORT, agency + "head"),
                Map.of(HEAD_DECISION, Decisions.APPROVE));
    }

    private List<String> reportNotifications(long periodId, String event) {
        return jdbc.sql("select recipient from notification where event_type = ? and dedup_key like ? order by recipient")
                .params(event, event.toLowerCase().replace('_', '-') + ":" + periodId + ":%").query(String.class).list();
    }

    @Test
    void someOnTimeOneLateOneMissing() {
        ReportPeriod q4 = openQ4();
        assertThat(q4.periodCode()).isEqualTo("2026-Q4");
        assertThat(q4.deadline()).isEqualTo(LocalDate.of(2026, 12, 17));
        String pi = q4.processInstanceId();
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult();
        assertThat(instance.getBusinessKey()).endsWith("/2026-Q4");
        assertThat(taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(SUBMIT_REPORT).count()).isEqualTo(4);
        // The form shows the period's cut-off and deadline.
        Task sngv = agencyTask(pi, SUBMIT_REPORT, "SNGV");
        assertThat(taskService.getVariable(sngv.getId(), CUT_OFF_LABEL)).isEqualTo("từ 15/09/2026 đến 14/12/2026");
        assertThat(taskService.getVariable(sngv.getId(), DEADLINE_LABEL)).isEqualTo("17/12/2026");

        // Monday 14/12: Sở Ngoại vụ submits. Tuesday 15/12: Sở Tài chính, after its head asked for more.
        submitAndIssueLeavingJobs(pi, "SNGV", "Báo cáo quý IV của Sở Ngoại vụ");
        clockAt(LocalDateTime.of(2026, 12, 15, 10, 0));
        completeAs("cbstc", agencyTask(pi, SUBMIT_REPORT, "STC"), Map.of(REPORT_TEXT, "Bản nháp", REPORT_FIGURES, ""));
        completeAs("ldstc", agencyTask(pi, APPROVE_REPORT, "STChead"),
                Map.of(HEAD_DECISION, Decisions.RETURN, HEAD_COMMENT, "Bổ sung số liệu"));
        assertThat(taskService.getVariable(agencyTask(pi, SUBMIT_REPORT, "STC").getId(), HEAD_COMMENT)).isEqualTo("Bổ sung số liệu");
        submitAndIssueLeavingJobs(pi, "STC", "Báo cáo quý IV của Sở Tài chính");

        // Wednesday 16/12: reminders go to the two that have not submitted, and only to them.
        clockAt(LocalDateTime.of(2026, 12, 16, 9, 0));
        executeJobs();
        assertThat(reportNotifications(q4.id(), "REPORT_DUE_SOON")).containsExactly("sct@example.gov.vn", "svhttdl@example.gov.vn");
        // Friday 18/12: overdue — the agencies and their heads are told.
        clockAt(LocalDateTime.of(2026, 12, 18, 9, 0));
        executeJobs();
        assertThat(reportNotifications(q4.id(), "REPORT_OVERDUE")).containsExactly(
                "lanhdao.sct@example.gov.vn", "lanhdao.svhttdl@example.gov.vn", "sct@example.gov.vn", "svhttdl@example.gov.vn");
        // Sở Công Thương submits late, the same day.
        submitAndIssueLeavingJobs(pi, "SCT", "Báo cáo quý IV của Sở Công Thương");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult()).isNotNull();
        assertThat(taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(CONSOLIDATE_REPORTS).count()).isZero();

        // Tuesday 22/12, 08:00: collection closes; Sở VHTTDL's task is withdrawn and it is missing.
        clockAt(LocalDateTime.of(2026, 12, 22, 8, 30));
        executeJobs();
        assertThat(taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(SUBMIT_REPORT).count()).isZero();
        Task consolidate = task(pi, CONSOLIDATE_REPORTS);
        assertThat(taskService.createTaskQuery().taskId(consolidate.getId()).taskCandidateGroup("coordinator").count()).isEqualTo(1);
        assertThat((String) taskService.getVariable(consolidate.getId(), SUMMARY)).isEqualTo("""
                Kỳ báo cáo: Quý IV năm 2026
                Số liệu từ ngày 15/09/2026 đến ngày 14/12/2026; hạn nộp 17/12/2026

                Nộp đúng hạn (2): Sở Ngoại vụ (14/12/2026); Sở Tài chính (15/12/2026)
                Nộp quá hạn (1): Sở Công Thương (18/12/2026)
                Chưa nộp (1): Sở Văn hóa, Thể thao và Du lịch""");

        JsonNode detail = as("dieuphoi").getForObject("/api/report-periods/" + q4.id(), JsonNode.class);
        assertThat(detail.get("onTime").toString()).isEqualTo("[\"SNGV\",\"STC\"]");
        assertThat(detail.get("late").toString()).isEqualTo("[\"SCT\"]");
        assertThat(detail.get("missing").toString()).isEqualTo("[\"SVHTTDL\"]");
        assertThat(detail.get("period").get("status").asText()).isEqualTo("CONSOLIDATING");
        assertThat(as("cbsngv").getForEntity("/api/report-periods/" + q4.id(), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        List<String> texts = periods.submissions(q4.id()).stream().map(s -> s.agencyCode() + ":" + s.status() + ":"
                + s.reportText() + ":" + s.preparedBy() + ":" + s.approvedBy()).toList();
        assertThat(texts).containsExactly(
                "SCT:SUBMITTED:Báo cáo quý IV của Sở Công Thương:cbsct:ldsct",
                "SNGV:SUBMITTED:Báo cáo quý IV của Sở Ngoại vụ:cbsngv:ldsngv",
                "STC:SUBMITTED:Báo cáo quý IV của Sở Tài chính:cbstc:ldstc",
                "SVHTTDL:MISSING:null:null:null");

        // The coordinator's task links the consolidated report and the spreadsheet.
        assertThat((String) taskService.getVariable(consolidate.getId(), CONSOLIDATED_REPORT_URL))
                .endsWith("/api/report-periods/" + q4.id() + "/consolidated.docx");
        assertThat((String) taskService.getVariable(consolidate.getId(), STATISTICS_URL))
                .endsWith("/api/report-periods/" + q4.id() + "/statistics.xlsx");
        ConsolidatedDocuments.assertDocx(as("dieuphoi").getForEntity(
                "/api/report-periods/" + q4.id() + "/consolidated.docx", byte[].class));
        ConsolidatedDocuments.assertXlsx(as("dieuphoi").getForEntity(
                "/api/report-periods/" + q4.id() + "/statistics.xlsx", byte[].class));
        assertThat(as("cbsngv").getForEntity("/api/report-periods/" + q4.id() + "/consolidated.docx", byte[].class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        complete(pi, CONSOLIDATE_REPORTS, "dieuphoi", Map.of());
        executeJobs();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult()).isNull();
        ReportPeriod done = periods.get(q4.id());
        assertThat(done.status()).isEqualTo(ReportPeriodStatus.CONSOLIDATED);
        assertThat(jdbc.sql("select consolidated_by from report_period where id = ?").param(q4.id()).query(String.class).single())
                .isEqualTo("dieuphoi");
    }

    @Test
    void allInBeforeTheDeadlineGoesStraightToConsolidationAndStopsTheTimers() {
        ReportPeriod q4 = openQ4();
        String pi = q4.processInstanceId();
        for (String agency : List.of("SNGV", "STC", "SCT", "SVHTTDL")) {
            submitAndIssueLeavingJobs(pi, agency, "Báo cáo của " + agency);
        }
        executeJobs();
        Task consolidate = task(pi, CONSOLIDATE_REPORTS);
        assertThat((String) taskService.getVariable(consolidate.getId(), SUMMARY))
                .contains("Nộp đúng hạn (4)", "Nộp quá hạn (0): không có", "Chưa nộp (0): không có");
        // No reminder, overdue or closing timer is left to fire.
        assertThat(managementService.createJobQuery().processInstanceId(pi).timers().count()).isZero();
    }

    @Test
    void theOpenerOpensEachPeriodOnceAndNeverOneThatEndedBeforeIssue() {
        // 1/12: the last quarter cut off (14/9) ended before the directive was issued on 30/11.
        assertThat(opener.openDuePeriods(LocalDate.of(2026, 12, 1))).noneMatch(p -> p.directiveId() == directiveId);
        openQ4();
        // Again the same day, and on the following days of the quarter: nothing more.
        assertThat(opener.openDuePeriods(LocalDate.of(2026, 12, 14))).noneMatch(p -> p.directiveId() == directiveId);
        assertThat(opener.openDuePeriods(LocalDate.of(2027, 1, 20))).noneMatch(p -> p.directiveId() == directiveId);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ReportCollectionProcess.KEY)
                .processInstanceBusinessKeyLike("%/2026-Q4").count()).isEqualTo(1);
        // Quý I/2027 opens on its cut-off, 14/3/2027.
        assertThat(opener.openDuePeriods(LocalDate.of(2027, 3, 14))).filteredOn(p -> p.directiveId() == directiveId)
                .extracting(ReportPeriod::periodCode).containsExactly("2027-Q1");
    }

    @Test
    void nineMonthReportsAreCollectedAfterTheirCutOffOnFourteenSeptember() {
        clockAt(LocalDateTime.of(2026, 8, 3, 9, 0));
        long nine = submitAndIssue(directive("Báo cáo 9 tháng " + System.nanoTime(),
                ongoing("1", ReportSchedule.NINE_MONTHS, "SNGV", "STC")));
        assertThat(opener.openDuePeriods(LocalDate.of(2026, 9, 13))).noneMatch(p -> p.directiveId() == nine);
        clockAt(LocalDateTime.of(2026, 9, 14, 9, 0));
        List<ReportPeriod> opened = opener.openDuePeriods(LocalDate.of(2026, 9, 14)).stream()
                .filter(p -> p.directiveId() == nine).toList();
        assertThat(opened).singleElement().satisfies(p -> {
            assertThat(p.periodCode()).isEqualTo("2026-9M");
            assertThat(p.label()).isEqualTo("9 tháng đầu năm 2026");
            assertThat(p.cutOff()).isEqualTo(LocalDate.of(2026, 9, 14));
        });
        executeJobs();
        String pi = opened.get(0).processInstanceId();
        assertThat(taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(SUBMIT_REPORT).count()).isEqualTo(2);
        assertThat(taskService.getVariable(agencyTask(pi, SUBMIT_REPORT, "SNGV").getId(), CUT_OFF_LABEL))
                .isEqualTo("từ 15/12/2025 đến 14/09/2026");
        // Opened once: the following mornings up to the next cut-off open nothing more.
        assertThat(opener.openDuePeriods(LocalDate.of(2026, 10, 1))).noneMatch(p -> p.directiveId() == nine);
        assertThat(opener.openDuePeriods(LocalDate.of(2026, 12, 20))).noneMatch(p -> p.directiveId() == nine);
    }

    @Test
    void revokingTheDirectiveWithdrawsItsRunningCollection() {
        ReportPeriod q4 = openQ4();
        asUser("dieuphoi", () -> directiveService.revoke(directiveId, "Thu hồi để kiểm thử", "dieuphoi"));
        executeJobs();
        assertThat(opener.withdrawRevoked()).isPositive();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(q4.processInstanceId()).count()).isZero();
        assertThat(periods.get(q4.id()).status()).isEqualTo(ReportPeriodStatus.WITHDRAWN);
        assertThat(periods.owedBy("SNGV")).noneMatch(p -> p.id() == q4.id());
        assertThat(opener.withdrawRevoked()).isZero();
        // Its cancelled assignments have nothing left to report on.
        assertThat(opener.openDuePeriods(LocalDate.of(2027, 3, 14))).noneMatch(p -> p.directiveId() == directiveId);
    }

    @Test
    void coordinatorRequestsAnAdHocReport() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String url = "/api/directives/" + directiveId + "/report-requests";
        // Cut-off Tuesday 1/12/2026 → due Friday 4/12 (3 working days).
        HttpEntity<String> adHoc = new HttpEntity<>("{\"cutOff\":\"2026-12-01\"}", headers);
        ResponseEntity<JsonNode> created = as("dieuphoi").postForEntity(url, adHoc, JsonNode.class);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("deadline").asText()).isEqualTo("2026-12-04");
        assertThat(created.getBody().get("agencies")).hasSize(4);
        executeJobs();
        String pi = created.getBody().get("processInstanceId").asText();
        assertThat(taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(SUBMIT_REPORT).count()).isEqualTo(4);
        assertThat(taskService.getVariable(agencyTask(pi, SUBMIT_REPORT, "SCT").getId(), PERIOD_LABEL))
                .isEqualTo("Báo cáo đột xuất (số liệu đến ngày 01/12/2026)");

        assertThat(as("dieuphoi").postForEntity(url, adHoc, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(as("cbsngv").postForEntity(url, new HttpEntity<>("{\"period\":\"2026-Q4\"}", headers), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertField(url, "{\"period\":\"2026-Q9\"}", "period");
        assertField(url, "{}", "period");
        assertField(url, "{\"cutOff\":\"2026-12-10\",\"deadline\":\"2026-12-09\"}", "deadline");
        assertThat(as("dieuphoi").postForEntity("/api/directives/987654/report-requests",
                new HttpEntity<>("{\"period\":\"2026-Q4\"}", headers), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private void assertField(String url, String body, String field) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> response = as("dieuphoi").postForEntity(url, new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(response.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo(field);
    }
}
