package vn.directivetracker.reporting.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.directivetracker.assignment.StatusBucket;
import vn.directivetracker.common.VnFormats;

/**
 * The statistics as an .xlsx sheet "Thống kê": a title, the reference date, one header row, one row
 * per agency and a totals row. Columns: STT, mã, đơn vị, the six buckets, sắp đến hạn, tổng số,
 * tỷ lệ đúng hạn (%). Numbers are numeric cells, so the sheet can be summed and charted.
 */
@Component
public class StatisticsSpreadsheet {

    public static final String SHEET = "Thống kê";
    /** Row index (0-based) of the header; agency rows follow it. */
    public static final int HEADER_ROW = 3;

    public byte[] write(Statistics statistics, String title) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            addSheet(workbook, statistics, title);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds the sheet to a workbook of the caller (the consolidated report adds it to its own). */
    public Sheet addSheet(XSSFWorkbook workbook, Statistics statistics, String title) {
        Sheet sheet = workbook.createSheet(SHEET);
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);

        cell(sheet.createRow(0), 0, "THỐNG KÊ TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", bold);
        cell(sheet.createRow(1), 0, title, null);
        String reference = "Số liệu tính đến ngày " + VnFormats.DATE.format(statistics.asOf())
                + (statistics.period() == null ? "" : " (ngày chốt số liệu " + statistics.period().label().toLowerCase() + ")");
        cell(sheet.createRow(2), 0, reference, null);

        Row header = sheet.createRow(HEADER_ROW);
        List<String> headings = new java.util.ArrayList<>(List.of("STT", "Mã", "Đơn vị"));
        for (StatusBucket bucket : StatusBucket.values()) {
            headings.add(bucket.label());
        }
        headings.addAll(List.of("Sắp đến hạn", "Tổng số", "Tỷ lệ đúng hạn (%)"));
        for (int i = 0; i < headings.size(); i++) {
            cell(header, i, headings.get(i), bold);
        }
        int rowIndex = HEADER_ROW + 1;
        int number = 1;
        for (AgencyStatistics agency : statistics.agencies()) {
            row(sheet.createRow(rowIndex++), Integer.toString(number++), agency, null);
        }
        row(sheet.createRow(rowIndex), "", statistics.totals(), bold);
        sheet.setColumnWidth(2, 60 * 256);
        sheet.createFreezePane(3, HEADER_ROW + 1);
        return sheet;
    }

    private static void row(Row row, String number, AgencyStatistics agency, CellStyle style) {
        cell(row, 0, number, style);
        cell(row, 1, agency.agencyCode() == null ? "" : agency.agencyCode(), style);
        cell(row, 2, agency.agencyName(), style);
        int column = 3;
        for (StatusBucket bucket : StatusBucket.values()) {
            row.createCell(column++).setCellValue(agency.buckets().get(bucket));
        }
        row.createCell(column++).setCellValue(agency.dueSoon());
        row.createCell(column++).setCellValue(agency.total());
        Cell rate = row.createCell(column);
        if (agency.onTimeRate() != null) {
            rate.setCellValue(agency.onTimeRate().doubleValue());
        }
    }

    private static void cell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
