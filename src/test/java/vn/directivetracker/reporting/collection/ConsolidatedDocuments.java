package vn.directivetracker.reporting.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.reporting.statistics.StatisticsSpreadsheet;

/**
 * Opens the consolidated DOCX and XLSX of {@link ReportCollectionProcessTest}'s quarter with POI:
 * Sở Ngoại vụ and Sở Tài chính on time, Sở Công Thương late, Sở VHTTDL missing.
 */
final class ConsolidatedDocuments {

    private ConsolidatedDocuments() {}

    static void assertDocx(ResponseEntity<byte[]> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("bao-cao-tong-hop-2026-Q4.docx");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(response.getBody()))) {
            XWPFTable table = doc.getTables().get(0);
            List<String> rows = new ArrayList<>();
            table.getRows().forEach(row -> rows.add(String.join(" | ", row.getTableCells().stream().map(XWPFTableCell::getText).toList())));
            assertThat(rows).containsExactly(
                    "STT | Đơn vị | Tình trạng | Ngày nộp",
                    "1 | Sở Công Thương | Nộp quá hạn | 18/12/2026",
                    "2 | Sở Ngoại vụ | Nộp đúng hạn | 14/12/2026",
                    "3 | Sở Tài chính | Nộp đúng hạn | 15/12/2026",
                    "4 | Sở Văn hóa, Thể thao và Du lịch | Chưa nộp | ");
            List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            // Every submitted report, in order, with the late one marked; the missing agency listed.
            int sct = paragraphs.indexOf("1. Sở Công Thương (nộp quá hạn, ngày 18/12/2026)");
            int sngv = paragraphs.indexOf("2. Sở Ngoại vụ (ngày 14/12/2026)");
            int stc = paragraphs.indexOf("3. Sở Tài chính (ngày 15/12/2026)");
            int missing = paragraphs.indexOf("III. ĐƠN VỊ CHƯA NỘP BÁO CÁO");
            assertThat(sct).isPositive();
            assertThat(List.of(sct, sngv, stc, missing)).isSorted();
            assertThat(paragraphs.get(sct + 1)).isEqualTo("Báo cáo quý IV của Sở Công Thương");
            assertThat(paragraphs.get(sngv + 1)).isEqualTo("Báo cáo quý IV của Sở Ngoại vụ");
            assertThat(paragraphs.subList(missing + 1, paragraphs.size())).containsExactly("- Sở Văn hóa, Thể thao và Du lịch");
            assertThat(paragraphs).contains("Nộp đúng hạn: 2 đơn vị; nộp quá hạn: 1 đơn vị; chưa nộp: 1 đơn vị.");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static void assertXlsx(ResponseEntity<byte[]> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            assertThat(rows(workbook.getSheet(ConsolidatedReport.SUBMISSIONS_SHEET), 2)).containsExactly(
                    "1 SCT Sở Công Thương Nộp quá hạn 18/12/2026",
                    "2 SNGV Sở Ngoại vụ Nộp đúng hạn 14/12/2026",
                    "3 STC Sở Tài chính Nộp đúng hạn 15/12/2026",
                    "4 SVHTTDL Sở Văn hóa, Thể thao và Du lịch Chưa nộp ");
            // The directive's statistics at the cut-off: four ongoing assignments.
            List<String> statistics = rows(workbook.getSheet(StatisticsSpreadsheet.SHEET), StatisticsSpreadsheet.HEADER_ROW + 1);
            assertThat(statistics).hasSize(5);
            // Ongoing work only: neither the on-time nor the completion rate has anything to judge (two empty cells).
            assertThat(statistics.get(4)).isEqualTo("  Tổng cộng 0 0 0 0 4 0 0 4  ");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> rows(Sheet sheet, int first) {
        DataFormatter format = new DataFormatter();
        List<String> rows = new ArrayList<>();
        for (int r = first; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
            }
            rows.add(String.join(" ", cells));
        }
        return rows;
    }
}
