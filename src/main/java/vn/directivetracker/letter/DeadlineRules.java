package vn.directivetracker.letter;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.directivetracker.directive.ReportSchedule;

/**
 * The deadline an item states, in the forms letters use. Only words that set a deadline count
 * ("trước ngày", "chậm nhất", "trong tháng", "trong N ngày làm việc"): the date of a referenced
 * letter ("Hướng dẫn số 06-HD/ĐU ngày 15/01/2026") has no such word and is never a deadline.
 * Everything matches on folded text (no diacritics, lower case).
 */
final class DeadlineRules {

    /** What an item's text says about its deadline, with the words each part came from. */
    record Deadline(LocalDate date, Integer workingDays, boolean ongoing, ReportSchedule schedule,
            int[] span, int[] scheduleSpan, boolean stated, List<String> notes) {}

    private static final String DAY_MONTH_YEAR =
            "(\\d{1,2})\\s*[/.\\-]\\s*(\\d{1,2})(?:\\s*[/.\\-]\\s*(\\d{4}))?|(\\d{1,2})\\s+thang\\s+(\\d{1,2})(?:\\s+nam\\s+(\\d{4}))?";
    private static final Pattern BY_DATE = Pattern.compile(
            "(?<![\\p{L}])(?:truoc|cham nhat(?:\\s+la)?(?:\\s+(?:truoc|vao|trong))?|han chot(?:\\s+la)?|xong truoc|hoan thanh truoc)"
                    + "\\s+(?:\\d{1,2}\\s+gio(?:\\s+\\d{1,2})?(?:\\s+phut)?,?\\s+)?(?:ngay\\s+)?(?:" + DAY_MONTH_YEAR + ")");
    private static final Pattern IN_MONTH = Pattern.compile(
            "(?<![\\p{L}])(?:trong|truoc het|cuoi|ngay trong)\\s+thang\\s+(\\d{1,2})(?:\\s*[/.\\-]\\s*|\\s+nam\\s+)(\\d{4})");
    private static final Pattern IN_QUARTER = Pattern.compile(
            "(?<![\\p{L}])trong\\s+quy\\s+(i{1,3}|iv|[1-4])(?:\\s*[/.\\-]\\s*|\\s+nam\\s+)(\\d{4})");
    private static final Pattern WORKING_DAYS = Pattern.compile(
            "(?<![\\p{L}])(?:trong(?:\\s+thoi\\s+han|\\s+vong)?|sau|truoc)\\s+(\\d{1,3})\\s+ngay\\s+lam\\s+viec");
    private static final Pattern CALENDAR_DAYS = Pattern.compile(
            "(?<![\\p{L}])trong(?:\\s+thoi\\s+han|\\s+vong)?\\s+(\\d{1,3})\\s+ngay(?!\\s+lam\\s+viec)(?![\\p{L}\\d/])");
    private static final Pattern MONTHLY_DAY = Pattern.compile(
            "(?<![\\p{L}])truoc\\s+ngay\\s+(\\d{1,2})\\s+(?:hang|hau het cac)\\s+(thang|quy)");
    private static final Pattern PERIODIC = Pattern.compile(
            "(?<![\\p{L}])(?:dinh ky|bao cao)\\s+(?:dinh ky\\s+)?(?:(0?6|sau)\\s+thang(?:\\s+(?:va|,)\\s+(?:hang\\s+)?nam)?|hang\\s+(thang|quy|nam)|(quy|nam))(?![\\p{L}])");
    private static final Pattern ONGOING = Pattern.compile("(?<![\\p{L}])thuong xuyen(?![\\p{L}])");

    private DeadlineRules() {}

    static Deadline read(String text, String folded, int from, int to, LocalDate letterDate) {
        List<String> notes = new ArrayList<>();
        String region = folded.substring(from, to);
        String words = text.substring(from, to);
        Integer defaultYear = letterDate == null ? null : letterDate.getYear();

        Matcher monthlyDay = MONTHLY_DAY.matcher(region);
        int[] monthlySpan = null;
        ReportSchedule schedule = null;
        if (monthlyDay.find()) {
            schedule = monthlyDay.group(2).equals("quy") ? ReportSchedule.QUARTERLY : ReportSchedule.MONTHLY;
            monthlySpan = new int[] {from + monthlyDay.start(), from + monthlyDay.end()};
        }
        Matcher periodic = PERIODIC.matcher(region);
        if (schedule == null && periodic.find()) {
            schedule = periodic.group(1) != null ? ReportSchedule.HALF_YEARLY
                    : "thang".equals(periodic.group(2)) ? ReportSchedule.MONTHLY
                    : "quy".equals(periodic.group(2)) || "quy".equals(periodic.group(3)) ? ReportSchedule.QUARTERLY
                    : ReportSchedule.YEARLY;
            monthlySpan = new int[] {from + periodic.start(), from + periodic.end()};
        }

        Matcher date = BY_DATE.matcher(region);
        List<LocalDate> dates = new ArrayList<>();
        int[] dateSpan = null;
        while (date.find()) {
            if (monthlySpan != null && from + date.start() >= monthlySpan[0] && from + date.start() < monthlySpan[1]) {
                continue;
            }
            LocalDate d = date(date, words.substring(date.start(), date.end()), defaultYear, notes);
            if (d != null) {
                if (dates.isEmpty()) {
                    dateSpan = new int[] {from + date.start(), from + date.end()};
                }
                dates.add(d);
            }
        }
        if (!dates.isEmpty()) {
            if (dates.stream().distinct().count() > 1) {
                notes.add("Mục nêu nhiều thời hạn (" + dates.stream().distinct().map(LocalDate::toString).toList()
                        + "): đề xuất thời hạn đầu tiên, cần kiểm tra");
            }
            return new Deadline(dates.get(0), null, false, null, dateSpan, null, true, notes);
        }
        Matcher month = IN_MONTH.matcher(region);
        if (month.find()) {
            LocalDate end = endOfMonth(Integer.parseInt(month.group(2)), Integer.parseInt(month.group(1)), notes);
            if (end != null) {
                return new Deadline(end, null, false, null, new int[] {from + month.start(), from + month.end()}, null, true, notes);
            }
        }
        Matcher quarter = IN_QUARTER.matcher(region);
        if (quarter.find()) {
            int q = switch (quarter.group(1)) {
                case "i", "1" -> 1;
                case "ii", "2" -> 2;
                case "iii", "3" -> 3;
                default -> 4;
            };
            LocalDate end = endOfMonth(Integer.parseInt(quarter.group(2)), q * 3, notes);
            return new Deadline(end, null, false, null, new int[] {from + quarter.start(), from + quarter.end()}, null, true, notes);
        }
        Matcher days = WORKING_DAYS.matcher(region);
        if (days.find()) {
            return new Deadline(null, Integer.parseInt(days.group(1)), false, null,
                    new int[] {from + days.start(), from + days.end()}, null, true, notes);
        }
        Matcher calendar = CALENDAR_DAYS.matcher(region);
        if (calendar.find()) {
            notes.add("Thời hạn \"" + words.substring(calendar.start(), calendar.end()) + "\" tính theo ngày lịch: hệ thống nhận hạn là ngày cụ thể hoặc số ngày làm việc, cần nhập lại");
        }
        if (schedule != null) {
            return new Deadline(null, null, true, schedule, monthlySpan, monthlySpan, true, notes);
        }
        Matcher ongoing = ONGOING.matcher(region);
        if (ongoing.find()) {
            return new Deadline(null, null, true, null, new int[] {from + ongoing.start(), from + ongoing.end()}, null, true, notes);
        }
        return new Deadline(null, null, true, null, null, null, false, notes);
    }

    private static LocalDate date(Matcher m, String words, Integer defaultYear, List<String> notes) {
        boolean numeric = m.group(1) != null;
        int day = Integer.parseInt(numeric ? m.group(1) : m.group(4));
        int month = Integer.parseInt(numeric ? m.group(2) : m.group(5));
        String year = numeric ? m.group(3) : m.group(6);
        if (year == null && defaultYear == null) {
            notes.add("Thời hạn \"" + words + "\" không ghi năm và văn bản chưa có ngày ban hành: cần nhập hạn");
            return null;
        }
        try {
            return LocalDate.of(year != null ? Integer.parseInt(year) : defaultYear, month, day);
        } catch (DateTimeException e) {
            notes.add("Ngày không hợp lệ trong \"" + words + "\"");
            return null;
        }
    }

    private static LocalDate endOfMonth(int year, int month, List<String> notes) {
        try {
            return YearMonth.of(year, month).atEndOfMonth();
        } catch (DateTimeException e) {
            notes.add("Tháng không hợp lệ: " + month + "/" + year);
            return null;
        }
    }
}
