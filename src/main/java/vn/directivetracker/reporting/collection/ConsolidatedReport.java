package vn.directivetracker.reporting.collection;

import static vn.directivetracker.common.VnFormats.DATE;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.AgencyKind;
import vn.directivetracker.common.TrackerProperties;
import vn.directivetracker.directive.Directive;
import vn.directivetracker.directive.DirectiveService;
import vn.directivetracker.reporting.ReportingPeriods;
import vn.directivetracker.reporting.statistics.Statistics;
import vn.directivetracker.reporting.statistics.StatisticsFilter;
import vn.directivetracker.reporting.statistics.StatisticsService;
import vn.directivetracker.reporting.statistics.StatisticsSpreadsheet;

/**
 * The consolidated report of one period: a Word document compiling every agency's report in the
 * registry's order (kind, then code), preceded by who submitted on time, late or not at all; and a
 * workbook with the submissions and the directive's statistics at the cut-off.
 */
@Component
public class ConsolidatedReport {

    public static final String SUBMISSIONS_SHEET = "Nộp báo cáo";
    private static final String FONT = "Times New Roman";

    private final ReportPeriodRepository periods;
    private final DirectiveService directives;
    private final StatisticsService statistics;
    private final StatisticsSpreadsheet spreadsheet;
    private final TrackerProperties properties;

    public ConsolidatedReport(ReportPeriodRepository periods, DirectiveService directives, StatisticsService statistics,
            StatisticsSpreadsheet spreadsheet, TrackerProperties properties) {
        this.periods = periods;
        this.directives = directives;
        this.statistics = statistics;
        this.spreadsheet = spreadsheet;
        this.properties = properties;
    }

    /** How each agency stands, in words users read. */
    static String standing(ReportPeriod period, ReportSubmission submission) {
        if (submission.submittedAt() == null) {
            return submission.status() == ReportSubmission.SubmissionStatus.MISSING ? "Chưa nộp" : "Chưa nộp (đang thu thập)";
        }
        return SubmissionSummary.isLate(period, submission) ? "Nộp quá hạn" : "Nộp đúng hạn";
    }

    public byte[] docx(long reportPeriodId) {
        ReportPeriod period = periods.get(reportPeriodId);
        Directive directive = directives.get(period.directiveId());
        List<ReportSubmission> submissions = periods.submissions(reportPeriodId);
        SubmissionSummary summary = SubmissionSummary.of(period, submissions);
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraph(doc, properties.issuingBody(), true, ParagraphAlignment.CENTER);
            paragraph(doc, "BÁO CÁO TỔNG HỢP", true, ParagraphAlignment.CENTER);
            paragraph(doc, "Tình hình thực hiện Văn bản số " + directive.number() + " – " + directive.subject(), false,
                    ParagraphAlignment.CENTER);
            paragraph(doc, period.label() + " (số liệu " + (period.start() == null ? "" : "từ ngày " + DATE.format(period.start()) + " ")
                    + "đến ngày " + DATE.format(period.cutOff()) + "; hạn nộp " + DATE.format(period.deadline()) + ")", false,
                    ParagraphAlignment.CENTER);

            paragraph(doc, "I. TÌNH HÌNH NỘP BÁO CÁO", true, ParagraphAlignment.LEFT);
            paragraph(doc, "Nộp đúng hạn: " + summary.onTime().size() + " đơn vị; nộp quá hạn: " + summary.late().size()
                    + " đơn vị; chưa nộp: " + summary.missing().size() + " đơn vị.", false, ParagraphAlignment.LEFT);
            XWPFTable table = doc.createTable(1, 4);
            cells(table.getRow(0), "STT", "Đơn vị", "Tình trạng", "Ngày nộp");
            int n = 1;
            for (ReportSubmission s : submissions) {
                cells(table.createRow(), Integer.toString(n++), s.agencyName(), standing(period, s),
                        s.submittedAt() == null ? "" : DATE.format(s.submittedAt()));
            }

            paragraph(doc, "II. BÁO CÁO CỦA CÁC ĐƠN VỊ", true, ParagraphAlignment.LEFT);
            n = 1;
            for (ReportSubmission s : submissions) {
                if (s.submittedAt() == null) {
                    continue;
                }
                boolean late = SubmissionSummary.isLate(period, s);
                paragraph(doc, n++ + ". " + s.agencyName() + (late ? " (nộp quá hạn, ngày " : " (ngày ")
                        + DATE.format(s.submittedAt()) + ")", true, ParagraphAlignment.LEFT);
                lines(doc, s.reportText());
                if (s.figures() != null && !s.figures().isBlank()) {
                    paragraph(doc, "Số liệu:", false, ParagraphAlignment.LEFT);
                    lines(doc, s.figures());
                }
            }

            paragraph(doc, "III. ĐƠN VỊ CHƯA NỘP BÁO CÁO", true, ParagraphAlignment.LEFT);
            if (summary.missing().isEmpty()) {
                paragraph(doc, "Không có.", false, ParagraphAlignment.LEFT);
            }
            for (ReportSubmission s : summary.missing()) {
                paragraph(doc, "- " + s.agencyName(), false, ParagraphAlignment.LEFT);
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The submissions sheet, then the directive's statistics as of the period's cut-off. */
    public byte[] xlsx(long reportPeriodId) {
        ReportPeriod period = periods.get(reportPeriodId);
        Directive directive = directives.get(period.directiveId());
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SUBMISSIONS_SHEET);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(period.label() + " – Văn bản số " + directive.number());
            Row header = sheet.createRow(1);
            String[] headings = {"STT", "Mã", "Đơn vị", "Tình trạng", "Ngày nộp"};
            for (int i = 0; i < headings.length; i++) {
                header.createCell(i).setCellValue(headings[i]);
            }
            int r = 2;
            for (ReportSubmission s : periods.submissions(reportPeriodId)) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r - 1);
                row.createCell(1).setCellValue(s.agencyCode());
                row.createCell(2).setCellValue(s.agencyName());
                row.createCell(3).setCellValue(standing(period, s));
                row.createCell(4).setCellValue(s.submittedAt() == null ? "" : DATE.format(s.submittedAt()));
                r++;
            }
            sheet.setColumnWidth(2, 50 * 256);
            Statistics figures = statistics.compute(new StatisticsFilter(period.directiveId(), null, (AgencyKind) null, null,
                    period.cutOff()), ReportingPeriods.parse(period.periodCode()));
            spreadsheet.addSheet(workbook, figures, "Văn bản số " + directive.number() + " – " + directive.subject());
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void paragraph(XWPFDocument doc, String text, boolean bold, ParagraphAlignment alignment) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setAlignment(alignment);
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(13);
        run.setBold(bold);
        run.setText(text);
    }

    /** Keeps the agency's line breaks: one paragraph per line. */
    private static void lines(XWPFDocument doc, String text) {
        if (text == null) {
            return;
        }
        for (String line : text.split("\\R")) {
            paragraph(doc, line, false, ParagraphAlignment.BOTH);
        }
    }

    private static void cells(XWPFTableRow row, String... values) {
        for (int i = 0; i < values.length; i++) {
            (row.getCell(i) != null ? row.getCell(i) : row.addNewTableCell()).setText(values[i]);
        }
    }
}
