package vn.directivetracker.reporting.collection;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.common.CurrentActor;
import vn.directivetracker.identity.Roles;
import vn.directivetracker.reporting.ReportingAccess;
import vn.directivetracker.reporting.statistics.StatisticsController;

/** Report collections of a directive: an ad-hoc request by a coordinator, and what came in per period. */
@RestController
class ReportPeriodController {

    private final ReportPeriodService periods;
    private final ReportingAccess access;
    private final CurrentActor actor;
    private final ConsolidatedReport consolidated;

    ReportPeriodController(ReportPeriodService periods, ReportingAccess access, CurrentActor actor,
            ConsolidatedReport consolidated) {
        this.periods = periods;
        this.access = access;
        this.actor = actor;
        this.consolidated = consolidated;
    }

    /**
     * @param period   a Nghị định 09 period code ({@code 2026-Q4}); or
     * @param cutOff   an ad-hoc request's cut-off date, with an optional {@code deadline} (default: the
     *                 configured number of working days after it)
     */
    record ReportRequest(String period, LocalDate cutOff, LocalDate deadline) {}

    @PostMapping("/api/directives/{id}/report-requests")
    ResponseEntity<Map<String, Object>> request(@PathVariable long id, @RequestBody ReportRequest body) {
        actor.requireMemberOf(Roles.COORDINATOR, "Chỉ chuyên viên theo dõi được yêu cầu báo cáo");
        ReportPeriodService.Opened result = periods.request(id, body.period(), body.cutOff(), body.deadline(),
                actor.userId());
        ReportPeriod opened = result.period();
        List<String> agencies = result.agencies();
        URI location = URI.create("/api/report-periods/" + opened.id());
        return ResponseEntity.created(location).body(Map.of(
                "id", opened.id(),
                "periodCode", opened.periodCode(),
                "label", opened.label(),
                "cutOff", opened.cutOff(),
                "deadline", opened.deadline(),
                "agencies", agencies,
                "processInstanceId", opened.processInstanceId()));
    }

    @GetMapping("/api/report-periods/{id}/consolidated.docx")
    ResponseEntity<byte[]> consolidatedDocx(@PathVariable long id) {
        access.requireOverview();
        return download(consolidated.docx(id), "bao-cao-tong-hop-" + periods.get(id).periodCode() + ".docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @GetMapping("/api/report-periods/{id}/statistics.xlsx")
    ResponseEntity<byte[]> consolidatedXlsx(@PathVariable long id) {
        access.requireOverview();
        return download(consolidated.xlsx(id), "thong-ke-" + periods.get(id).periodCode() + ".xlsx",
                StatisticsController.XLSX.toString());
    }

    private static ResponseEntity<byte[]> download(byte[] body, String filename, String contentType) {
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(contentType))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment().filename(filename).build().toString())
                .body(body);
    }

    @GetMapping("/api/directives/{id}/report-periods")
    List<ReportPeriod> ofDirective(@PathVariable long id) {
        access.requireOverview();
        return periods.ofDirective(id);
    }

    @GetMapping("/api/report-periods/{id}")
    Map<String, Object> get(@PathVariable long id) {
        access.requireOverview();
        ReportPeriod period = periods.get(id);
        SubmissionSummary summary = SubmissionSummary.of(period, periods.submissions(id));
        return Map.of(
                "period", period,
                "submissions", periods.submissions(id),
                "onTime", summary.onTime().stream().map(ReportSubmission::agencyCode).toList(),
                "late", summary.late().stream().map(ReportSubmission::agencyCode).toList(),
                "missing", summary.missing().stream().map(ReportSubmission::agencyCode).toList(),
                "summary", summary.text());
    }
}
