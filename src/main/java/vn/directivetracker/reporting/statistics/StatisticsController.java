package vn.directivetracker.reporting.statistics;

import java.time.LocalDate;
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

/**
 * {@code GET /api/statistics} and {@code /api/statistics/export.xlsx} (docs/adr/0009-reporting-periods-and-statistics.md). {@code period}
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

    StatisticsController(StatisticsService statistics, StatisticsSpreadsheet spreadsheet) {
        this.statistics = statistics;
        this.spreadsheet = spreadsheet;
    }

    @GetMapping
    Statistics get(@RequestParam(required = false) Long directiveId,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) AgencyKind agencyKind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String period) {
        return statistics.query(directiveId, agency, agencyKind, asOf, period);
    }

    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long directiveId,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) AgencyKind agencyKind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String period) {
        Statistics result = statistics.query(directiveId, agency, agencyKind, asOf, period);
        byte[] body = spreadsheet.write(result, statistics.title(directiveId));
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("thong-ke-" + result.asOf() + ".xlsx").build().toString())
                .body(body);
    }
}
