package vn.directivetracker.reporting;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.common.ConflictException;
import vn.directivetracker.common.CurrentActor;
import vn.directivetracker.common.FieldViolation;
import vn.directivetracker.common.ForbiddenException;
import vn.directivetracker.common.InvalidRequestException;
import vn.directivetracker.common.NotFoundException;
import vn.directivetracker.directive.Directive;
import vn.directivetracker.directive.DirectiveRepository;
import vn.directivetracker.directive.DirectiveStatus;
import vn.directivetracker.security.Roles;

/** Report collections of a directive: an ad-hoc request by a coordinator, and what came in per period. */
@RestController
class ReportPeriodController {

    private final ReportCollectionService collection;
    private final ReportPeriodRepository periods;
    private final DirectiveRepository directives;
    private final ReportingAccess access;
    private final CurrentActor actor;
    private final SubmissionDeadlines deadlines;
    private final ConsolidatedReport consolidated;

    ReportPeriodController(ReportCollectionService collection, ReportPeriodRepository periods, DirectiveRepository directives,
            ReportingAccess access, CurrentActor actor, SubmissionDeadlines deadlines, ConsolidatedReport consolidated) {
        this.consolidated = consolidated;
        this.collection = collection;
        this.periods = periods;
        this.directives = directives;
        this.access = access;
        this.actor = actor;
        this.deadlines = deadlines;
    }

    /**
     * @param period   a Nghị định 09 period code ({@code 2026-Q4}); or
     * @param cutOff   an ad-hoc request's cut-off date, with an optional {@code deadline} (default: the
     *                 configured number of working days after it)
     */
    record ReportRequest(String period, LocalDate cutOff, LocalDate deadline) {}

    @PostMapping("/api/directives/{id}/report-requests")
    ResponseEntity<Map<String, Object>> request(@PathVariable long id, @RequestBody ReportRequest body) {
        if (!actor.isMemberOf(Roles.COORDINATOR)) {
            throw new ForbiddenException("Chỉ chuyên viên theo dõi được yêu cầu báo cáo");
        }
        Directive directive = directives.find(id).orElseThrow(() -> new NotFoundException("Không có văn bản " + id));
        ReportCollectionService.Request request = validate(body);
        if (directive.status() != DirectiveStatus.ISSUED) {
            throw new ConflictException("Chỉ yêu cầu báo cáo đối với văn bản đã ban hành và đang theo dõi");
        }
        if (periods.find(id, request.code()).isPresent()) {
            throw new ConflictException("Văn bản đã có kỳ báo cáo " + request.label());
        }
        List<String> agencies = collection.agenciesWithOpenWork(id);
        if (agencies.isEmpty()) {
            throw new ConflictException("Không còn đơn vị nào đang thực hiện nhiệm vụ của văn bản");
        }
        ReportPeriod opened = collection.open(id, request, agencies, actor.userId())
                .orElseThrow(() -> new ConflictException("Văn bản đã có kỳ báo cáo " + request.label()));
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

    private ReportCollectionService.Request validate(ReportRequest body) {
        List<FieldViolation> errors = new ArrayList<>();
        if ((body.period() == null) == (body.cutOff() == null)) {
            errors.add(new FieldViolation("period", "Cần đúng một trong hai: period (kỳ báo cáo) hoặc cutOff (ngày chốt số liệu)"));
            throw new InvalidRequestException(errors);
        }
        if (body.period() != null) {
            ReportingPeriod period = ReportingPeriods.parse(body.period());
            if (period == null) {
                throw new InvalidRequestException(List.of(new FieldViolation("period",
                        "Kỳ báo cáo không hợp lệ: " + body.period() + " (dạng 2026-03, 2026-Q1, 2026-H1, 2026-9M hoặc 2026)")));
            }
            return body.deadline() == null ? collection.request(period)
                    : validDeadline(ReportCollectionService.Request.of(period, body.deadline()));
        }
        LocalDate deadline = body.deadline() != null ? body.deadline()
                : deadlines.deadline(new ReportingPeriod(null, null, null, null, body.cutOff()));
        return validDeadline(ReportCollectionService.Request.adHoc(body.cutOff(), deadline));
    }

    private static ReportCollectionService.Request validDeadline(ReportCollectionService.Request request) {
        if (!request.deadline().isAfter(request.cutOff())) {
            throw new InvalidRequestException(List.of(new FieldViolation("deadline",
                    "Hạn nộp phải sau ngày chốt số liệu (Nghị định 09/2019/NĐ-CP)")));
        }
        return request;
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
        directives.find(id).orElseThrow(() -> new NotFoundException("Không có văn bản " + id));
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
