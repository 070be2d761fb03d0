package vn.directivetracker.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.directivetracker.directive.ReportSchedule;
import vn.directivetracker.common.FieldViolation;
import vn.directivetracker.common.InvalidRequestException;
import java.util.List;

/**
 * The cut-off dates of Nghị định 09/2019/NĐ-CP, Điều 12 — pure date arithmetic, no calendar:
 * <ul>
 *   <li>monthly: the 15th of the previous month to the 14th of the month;</li>
 *   <li>quarterly: the 15th of the month before the quarter to the 14th of its last month;</li>
 *   <li>half-year: 15/12 of the previous year to 14/6, and 15/6 to 14/12;</li>
 *   <li>year: 15/12 of the previous year to 14/12.</li>
 * </ul>
 * A period is named after the month, quarter, half or year it reports on, so the period that covers
 * 20/12/2025 is "tháng 1/2026", "quý I/2026", "6 tháng đầu năm 2026" and "năm 2026".
 */
public final class ReportingPeriods {

    private static final int FIRST_DAY = 15;
    private static final int CUT_OFF_DAY = 14;
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final String[] ROMAN = {"I", "II", "III", "IV"};

    private ReportingPeriods() {}

    /** The period of the given schedule whose figures include {@code date}. */
    public static ReportingPeriod containing(ReportSchedule schedule, LocalDate date) {
        // Days from the 15th on belong to the period that ends next month.
        YearMonth month = YearMonth.from(date);
        if (date.getDayOfMonth() >= FIRST_DAY) {
            month = month.plusMonths(1);
        }
        return switch (schedule) {
            case MONTHLY -> month(month);
            case QUARTERLY -> quarter(month.getYear(), (month.getMonthValue() - 1) / 3 + 1);
            case HALF_YEARLY -> half(month.getYear(), month.getMonthValue() <= 6 ? 1 : 2);
            case YEARLY -> year(month.getYear());
        };
    }

    /** The period that follows {@code period} in its schedule. */
    public static ReportingPeriod next(ReportingPeriod period) {
        return containing(period.schedule(), period.cutOff().plusDays(1));
    }

    /**
     * Parses a period code given in a request's {@code period} field.
     *
     * @throws InvalidRequestException naming the field and the accepted forms, if it is not a period code
     */
    public static ReportingPeriod require(String code) {
        ReportingPeriod period = parse(code);
        if (period == null) {
            throw new InvalidRequestException(List.of(new FieldViolation("period",
                    "Kỳ báo cáo không hợp lệ: " + code + " (dạng 2026-03, 2026-Q1, 2026-H1 hoặc 2026)")));
        }
        return period;
    }

    /**
     * Parses a period code ({@code 2026-03}, {@code 2026-Q1}, {@code 2026-H2}, {@code 2026});
     * {@code null} when it is not one.
     */
    public static ReportingPeriod parse(String code) {
        if (code == null) {
            return null;
        }
        String c = code.trim().toUpperCase();
        Matcher m;
        if ((m = MONTH.matcher(c)).matches()) {
            return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        if ((m = QUARTER.matcher(c)).matches()) {
            return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = HALF.matcher(c)).matches()) {
            return half(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = YEAR.matcher(c)).matches()) {
            return year(Integer.parseInt(m.group(1)));
        }
        return null;
    }

    public static ReportingPeriod month(YearMonth month) {
        return new ReportingPeriod(ReportSchedule.MONTHLY, month.toString(),
                "Tháng " + month.getMonthValue() + " năm " + month.getYear(),
                month.minusMonths(1).atDay(FIRST_DAY), month.atDay(CUT_OFF_DAY));
    }

    public static ReportingPeriod quarter(int year, int quarter) {
        YearMonth last = YearMonth.of(year, quarter * 3);
        return new ReportingPeriod(ReportSchedule.QUARTERLY, year + "-Q" + quarter,
                "Quý " + ROMAN[quarter - 1] + " năm " + year,
                last.minusMonths(3).atDay(FIRST_DAY), last.atDay(CUT_OFF_DAY));
    }

    public static ReportingPeriod half(int year, int half) {
        YearMonth last = YearMonth.of(year, half * 6);
        return new ReportingPeriod(ReportSchedule.HALF_YEARLY, year + "-H" + half,
                (half == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year,
                last.minusMonths(6).atDay(FIRST_DAY), last.atDay(CUT_OFF_DAY));
    }

    public static ReportingPeriod year(int year) {
        return new ReportingPeriod(ReportSchedule.YEARLY, Integer.toString(year), "Năm " + year,
                LocalDate.of(year - 1, 12, FIRST_DAY), LocalDate.of(year, 12, CUT_OFF_DAY));
    }
}
