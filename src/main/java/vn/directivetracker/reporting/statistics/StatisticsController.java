package vn.directivetracker.reporting.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.agency.AgencyKind;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.FieldViolation;
import vn.directivetracker.common.InvalidRequestException;
import vn.directivetracker.common.NotFoundException;
import vn.directivetracker.directive.DirectiveRepository;
import vn.directivetracker.reporting.ReportingAccess;
import vn.directivetracker.reporting.ReportingPeriod;
import vn.directivetracker.reporting.ReportingPeriods;

/**
 * {@code GET /api/statistics} and {@code /api/statistics/export.xlsx} (DESIGN §9). {@code period}
 * (e.g. {@code 2026-Q1}) reads the figures as of the period's cut-off; it cannot be combined with
 * {@code asOf}. Without either, as of today.
 */
@RestController
@RequestMapping("/api/statistics")
public class StatisticsController {

    public static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final StatisticsService statistics;
    private final StatisticsSpreadsheet spreadsheet;
    private final ReportingAccess access;
    private final DirectiveRepository directives;
    private final AgencyRegistry registry;
    private final Clocks clocks;

    StatisticsController(StatisticsService statistics, StatisticsSpreadsheet spreadsheet, ReportingAccess access,
            DirectiveRepository directives, AgencyRegistry registry, Clocks clocks) {
        this.statistics = statistics;
        this.spreadsheet = spreadsheet;
        this.access = access;
        this.directives = directives;
        this.registry = registry;
        this.clocks = clocks;
    }

    @GetMapping
    Statistics get(@RequestParam(required = false) Long directiveId,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) AgencyKind agencyKind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String period) {
        return compute(directiveId, agency, agencyKind, asOf, period);
    }

    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long directiveId,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) AgencyKind agencyKind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String period) {
        Statistics result = compute(directiveId, agency, agencyKind, asOf, period);
        String title = directiveId == null ? "Tất cả văn bản" : directives.find(directiveId)
                .map(d -> d.number() != null ? d.number() + " — " + d.subject() : d.subject()).orElse("");
        byte[] body = spreadsheet.write(result, title);
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("thong-ke-" + result.asOf() + ".xlsx").build().toString())
                .body(body);
    }

    private Statistics compute(Long directiveId, String agency, AgencyKind agencyKind, LocalDate asOf, String periodCode) {
        vn.directivetracker.common.ReferenceDates.check("asOf", asOf);
        ReportingPeriod period = null;
        if (periodCode != null) {
            period = ReportingPeriods.parse(periodCode);
            if (period == null) {
                throw invalid("period", "Kỳ báo cáo không hợp lệ: " + periodCode
                        + " (dạng 2026-03, 2026-Q1, 2026-H1 hoặc 2026)");
            }
            if (asOf != null) {
                throw invalid("asOf", "Không dùng cùng lúc với period (kỳ báo cáo đã xác định ngày chốt số liệu)");
            }
            asOf = period.cutOff();
        }
        if (agency != null && !registry.byCodes(List.of(agency)).containsKey(agency)) {
            throw invalid("agency", "Không có đơn vị mã " + agency);
        }
        if (directiveId != null && directives.find(directiveId).isEmpty()) {
            throw new NotFoundException("Không có văn bản " + directiveId);
        }
        Set<String> visible = access.visibleAgencies();
        access.requireVisible(visible, agency);
        LocalDate reference = asOf != null ? asOf : clocks.today();
        return statistics.compute(new StatisticsFilter(directiveId, agency, agencyKind, visible, reference), period);
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new FieldViolation(field, message)));
    }
}
