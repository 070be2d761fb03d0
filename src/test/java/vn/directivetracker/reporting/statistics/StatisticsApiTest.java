package vn.directivetracker.reporting.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.directivetracker.reporting.ReportingFixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.support.IntegrationTest;

/**
 * Statistics over a fixture with an assignment in every bucket, read at several reference dates,
 * through the API and the spreadsheet; an agency user sees only its own numbers; bad input.
 *
 * <pre>
 * item agency deadline  submitted  accepted   cancelled
 * 1    SNGV   10/12     08/12      09/12      -          → on time
 * 1    STC    10/12     14/12      15/12      -          → late
 * 2    SNGV   10/12     -          -          -          → open, overdue after 10/12
 * 2    SCT    10/12     -          -          05/12      → cancelled
 * 3    SNGV   ongoing                                    → no deadline
 * 4    SCT    21/12     -          -          -          → due soon from 16/12, overdue after 21/12
 * </pre>
 * All were created on 1/12/2026.
 */
class StatisticsApiTest extends IntegrationTest {

    private long directiveId;

    @BeforeEach
    void fixture() {
        deleteAllProcessInstances();
        clockAt(LocalDateTime.of(2026, 11, 30, 9, 0));
        directiveId = submitAndIssue(everyBucket("Thống kê " + System.nanoTime()));
        everyBucketFacts(jdbc, directiveId);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        deleteAllProcessInstances();
    }

    private JsonNode statistics(String user, String query) {
        ResponseEntity<JsonNode> response = as(user).getForEntity("/api/statistics?directiveId=" + directiveId + query, JsonNode.class);
        assertThat(response.getStatusCode()).as(response.toString()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** "COT CL IPOT IPO ONG CAN | dueSoon total onTimeRate completionRate" — one line per row, easy to read in a failure. */
    private static String line(JsonNode row) {
        JsonNode c = row.get("counts");
        return "%s %d %d %d %d %d %d | %d %d %s %s".formatted(row.path("agencyCode").asText("TOTAL"),
                c.get("COMPLETED_ON_TIME").asInt(), c.get("COMPLETED_LATE").asInt(), c.get("IN_PROGRESS_ON_TIME").asInt(),
                c.get("IN_PROGRESS_OVERDUE").asInt(), c.get("ONGOING").asInt(), c.get("CANCELLED").asInt(),
                row.get("dueSoon").asInt(), row.get("total").asInt(), row.path("onTimeRate").asText("-"),
                row.path("completionRate").asText("-"));
    }

    private static List<String> lines(JsonNode statistics) {
        List<String> lines = new ArrayList<>();
        statistics.get("agencies").forEach(row -> lines.add(line(row)));
        lines.add(line(statistics.get("totals")));
        return lines;
    }

    @Test
    void everyBucketAtThreeReferenceDates() {
        // 9/12: one done on time, the rest still within their deadlines (two of them due tomorrow).
        assertThat(lines(statistics("dieuphoi", "&asOf=2026-12-09"))).containsExactly(
                "SCT 0 0 1 0 0 1 | 0 2 - -",
                "SNGV 1 0 1 0 1 0 | 1 3 100.0 100.0",
                "STC 0 0 1 0 0 0 | 1 1 - -",
                "TOTAL 1 0 3 0 1 1 | 2 6 100.0 100.0");
        // 16/12: STC finished late, SNGV's item 2 is overdue, SCT's item 4 is due in 3 working days.
        assertThat(lines(statistics("dieuphoi", "&asOf=2026-12-16"))).containsExactly(
                "SCT 0 0 1 0 0 1 | 1 2 - -",
                "SNGV 1 0 0 1 1 0 | 0 3 50.0 50.0",
                "STC 0 1 0 0 0 0 | 0 1 0.0 100.0",
                "TOTAL 1 1 1 1 1 1 | 1 6 33.3 66.66");
        // 5/1/2027: item 4 is overdue as well.
        assertThat(lines(statistics("dieuphoi", "&asOf=2027-01-05"))).containsExactly(
                "SCT 0 0 0 1 0 1 | 0 2 0.0 0.0",
                "SNGV 1 0 0 1 1 0 | 0 3 50.0 50.0",
                "STC 0 1 0 0 0 0 | 0 1 0.0 100.0",
                "TOTAL 1 1 0 2 1 1 | 0 6 25.0 50.0");
        // Before the assignments existed there is nothing to count.
        JsonNode before = statistics("dieuphoi", "&asOf=2026-11-30");
        assertThat(before.get("agencies")).isEmpty();
        assertThat(before.get("totals").get("total").asInt()).isZero();
    }

    @Test
    void periodReadsTheFiguresAtItsCutOff() {
        // Quý IV/2026 closes on 14/12, the day STC submitted (late); SNGV's item 2 is overdue.
        JsonNode q4 = statistics("lanhdaoubnd", "&period=2026-Q4");
        assertThat(q4.get("asOf").asText()).isEqualTo("2026-12-14");
        assertThat(q4.get("period").get("label").asText()).isEqualTo("Quý IV năm 2026");
        assertThat(line(q4.get("totals"))).isEqualTo("TOTAL 1 1 1 1 1 1 | 0 6 33.3 66.66");
        // "Báo cáo 9 tháng" of 2027 closes on 14/9/2027: items 2 (SNGV) and 4 are overdue by then.
        JsonNode nine = statistics("lanhdaoubnd", "&period=2027-9M");
        assertThat(nine.get("asOf").asText()).isEqualTo("2027-09-14");
        assertThat(nine.get("period").get("label").asText()).isEqualTo("9 tháng đầu năm 2027");
        assertThat(line(nine.get("totals"))).isEqualTo("TOTAL 1 1 0 2 1 1 | 0 6 25.0 50.0");
    }

    @Test
    void aClosedPeriodReadsTheSameAfterALaterExtension() {
        JsonNode before = statistics("lanhdaoubnd", "&period=2026-Q4");
        assertThat(line(before.get("totals"))).isEqualTo("TOTAL 1 1 1 1 1 1 | 0 6 33.3 66.66");
        JsonNode viewBefore = as("dieuphoi").getForObject("/api/directives/" + directiveId + "?asOf=2026-12-14", JsonNode.class);

        // 5/1/2027: the coordinator moves item 2's deadline (Sở Ngoại vụ, overdue since 10/12) to 29/1/2027.
        clockAt(LocalDateTime.of(2027, 1, 5, 9, 0));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> amended = as("dieuphoi").exchange("/api/directives/" + directiveId + "/items/2",
                HttpMethod.PATCH, new HttpEntity<>("{\"deadline\":\"2027-01-29\",\"reason\":\"Gia hạn theo đề nghị\"}", headers),
                JsonNode.class);
        assertThat(amended.getStatusCode()).as(amended.toString()).isEqualTo(HttpStatus.OK);

        // Quý IV/2026 closed on 14/12/2026: the same figures, to the last field.
        assertThat(statistics("lanhdaoubnd", "&period=2026-Q4")).isEqualTo(before);
        JsonNode viewAfter = as("dieuphoi").getForObject("/api/directives/" + directiveId + "?asOf=2026-12-14", JsonNode.class);
        assertThat(viewAfter.get("assignments")).isEqualTo(viewBefore.get("assignments"));
        // From the day of the change on, the new deadline is in force: item 2 is back within its deadline.
        assertThat(lines(statistics("dieuphoi", "&asOf=2027-01-05&agency=SNGV")))
                .containsExactly("SNGV 1 0 1 0 1 0 | 0 3 100.0 100.0", "TOTAL 1 0 1 0 1 0 | 0 3 100.0 100.0");
        assertThat(lines(statistics("dieuphoi", "&asOf=2027-01-04&agency=SNGV")))
                .containsExactly("SNGV 1 0 0 1 1 0 | 0 3 50.0 50.0", "TOTAL 1 0 0 1 1 0 | 0 3 50.0 50.0");
    }

    @Test
    void filtersByAgencyAndKind() {
        assertThat(lines(statistics("dieuphoi", "&asOf=2026-12-16&agency=STC")))
                .containsExactly("STC 0 1 0 0 0 0 | 0 1 0.0 100.0", "TOTAL 0 1 0 0 0 0 | 0 1 0.0 100.0");
        assertThat(statistics("dieuphoi", "&asOf=2026-12-16&agencyKind=WARD").get("agencies")).isEmpty();
        assertThat(statistics("dieuphoi", "&asOf=2026-12-16&agencyKind=DEPARTMENT").get("agencies")).hasSize(3);
    }

    @Test
    void anAgencyUserSeesOnlyItsOwnNumbers() {
        assertThat(lines(statistics("cbsngv", "&asOf=2026-12-16")))
                .containsExactly("SNGV 1 0 0 1 1 0 | 0 3 50.0 50.0", "TOTAL 1 0 0 1 1 0 | 0 3 50.0 50.0");
        // The agency head too.
        assertThat(lines(statistics("ldsngv", "&asOf=2026-12-16"))).hasSize(2);
        ResponseEntity<JsonNode> other = as("cbsngv").getForEntity(
                "/api/statistics?directiveId=" + directiveId + "&agency=STC", JsonNode.class);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // The spreadsheet follows the same rule.
        ResponseEntity<byte[]> xlsx = as("cbsngv").getForEntity(
                "/api/statistics/export.xlsx?asOf=2026-12-16&directiveId=" + directiveId, byte[].class);
        assertThat(rows(xlsx.getBody())).containsExactly(
                "1 SNGV Sở Ngoại vụ 1 0 0 1 1 0 0 3 50 50",
                "  Tổng cộng 1 0 0 1 1 0 0 3 50 50");
    }

    @Test
    void spreadsheetHasOneRowPerAgencyAndTheTotals() {
        ResponseEntity<byte[]> response = as("dieuphoi").getForEntity(
                "/api/statistics/export.xlsx?asOf=2026-12-16&directiveId=" + directiveId, byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/vnd.openxmlformats");
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("thong-ke-2026-12-16.xlsx");
        assertThat(rows(response.getBody())).containsExactly(
                "1 SCT Sở Công Thương 0 0 1 0 0 1 1 2  ",
                "2 SNGV Sở Ngoại vụ 1 0 0 1 1 0 0 3 50 50",
                "3 STC Sở Tài chính 0 1 0 0 0 0 0 1 0 100",
                "  Tổng cộng 1 1 1 1 1 1 1 6 33.3 66.66");
    }

    /** The agency and totals rows of the sheet, cells as Excel would show them, space-separated. */
    private static List<String> rows(byte[] xlsx) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet(StatisticsSpreadsheet.SHEET);
            Row header = sheet.getRow(StatisticsSpreadsheet.HEADER_ROW);
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("Đã hoàn thành đúng hạn");
            assertThat(header.getCell(11).getStringCellValue()).isEqualTo("Tỷ lệ đúng hạn (%)");
            assertThat(header.getCell(12).getStringCellValue()).isEqualTo("Tỷ lệ hoàn thành (%)");
            DataFormatter format = new DataFormatter();
            List<String> rows = new ArrayList<>();
            for (int r = StatisticsSpreadsheet.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < header.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                }
                rows.add(String.join(" ", cells));
            }
            return rows;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void badInputIsNamed() {
        assertBadRequest("/api/statistics?period=2026-Q5", "period");
        assertBadRequest("/api/statistics?asOf=2026-13-01", "asOf");
        assertBadRequest("/api/statistics?asOf=15/12/2026", "asOf");
        assertBadRequest("/api/statistics?asOf=2026-12-01&period=2026-Q4", "asOf");
        assertBadRequest("/api/statistics?agencyKind=PROVINCE", "agencyKind");
        assertBadRequest("/api/statistics?agency=XYZ", "agency");
        assertBadRequest("/api/statistics/export.xlsx?period=quy1", "period");
        ResponseEntity<JsonNode> unknown = as("dieuphoi").getForEntity("/api/statistics?directiveId=987654", JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().get("detail").asText()).contains("987654");
        assertThat(rest.getForEntity("/api/statistics", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private void assertBadRequest(String url, String field) {
        ResponseEntity<JsonNode> response = as("dieuphoi").getForEntity(url, JsonNode.class);
        assertThat(response.getStatusCode()).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody().get("errors").get(0).get("field").asText()).as(url).isEqualTo(field);
    }
}
