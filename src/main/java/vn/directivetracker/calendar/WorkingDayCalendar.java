package vn.directivetracker.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Vietnamese working days: Monday to Friday, minus the public holidays and days off announced for
 * the year, plus the Saturdays or Sundays announced as make-up working days. The calendar is data
 * (table {@code holiday}), not computed: the Prime Minister announces the swaps each year.
 *
 * <p>Counting follows Bộ luật Dân sự 2015 Điều 147–148: the day a period starts from is not counted,
 * and a deadline that falls on a day off moves to the next working day.
 */
@Service
public class WorkingDayCalendar {

    private final HolidayRepository holidays;

    public WorkingDayCalendar(HolidayRepository holidays) {
        this.holidays = holidays;
    }

    public boolean isWorkingDay(LocalDate date) {
        return isWorkingDay(date, holidays.typesAround(date, date));
    }

    /** The date N working days after {@code from} (from itself not counted); N = 0 gives from, moved to a working day. */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("Số ngày làm việc không được âm: " + days);
        }
        // Generous window: even Tết adds at most ~9 days off per 5 working days.
        Map<LocalDate, DayType> special = holidays.typesAround(from, from.plusDays(days * 3L + 30));
        LocalDate date = from;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date, special)) {
                counted++;
            }
        }
        while (!isWorkingDay(date, special)) {
            date = date.plusDays(1);
        }
        return date;
    }

    /** The date N working days before {@code to} (to itself not counted), for "N days before the deadline". */
    public LocalDate subtractWorkingDays(LocalDate to, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("Số ngày làm việc không được âm: " + days);
        }
        Map<LocalDate, DayType> special = holidays.typesAround(to.minusDays(days * 3L + 30), to);
        LocalDate date = to;
        int counted = 0;
        while (counted < days) {
            date = date.minusDays(1);
            if (isWorkingDay(date, special)) {
                counted++;
            }
        }
        return date;
    }

    /** A deadline that falls on a day off moves to the next working day (Bộ luật Dân sự 2015, Điều 148). */
    public LocalDate onOrNextWorkingDay(LocalDate date) {
        return addWorkingDays(date, 0);
    }

    /** Working days after {@code from} up to and including {@code to}; 0 if {@code to} is not after it. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        return countWorkingDays(from, to, holidays.typesAround(from, to));
    }

    /**
     * The calendar of {@code from}..{@code to} read with one query, for pages that count many spans
     * inside it (the dashboard's lists) instead of one query per row.
     */
    public Span span(LocalDate from, LocalDate to) {
        return new Span(from, to, holidays.typesAround(from, to));
    }

    /** Working days counted inside a range read once ({@link #span}). */
    public static final class Span {
        private final LocalDate first;
        private final LocalDate last;
        private final Map<LocalDate, DayType> special;

        private Span(LocalDate first, LocalDate last, Map<LocalDate, DayType> special) {
            this.first = first;
            this.last = last;
            this.special = special;
        }

        /** As {@link WorkingDayCalendar#workingDaysBetween}; both dates must lie inside the span. */
        public int workingDaysBetween(LocalDate from, LocalDate to) {
            if (from.isBefore(first) || to.isAfter(last)) {
                throw new IllegalArgumentException(from + ".." + to + " lies outside " + first + ".." + last);
            }
            return countWorkingDays(from, to, special);
        }
    }

    /**
     * Monday to Friday in {@code from+1..to} by arithmetic, then each announced day inside the range
     * corrected (a weekday off −1, a weekend workday +1): the cost is the number of announced days,
     * not of days. The dashboard counts this for 100 overdue rows up to years back per page, where
     * walking day by day was ~8 % of a request's CPU (issue 11).
     */
    private static int countWorkingDays(LocalDate from, LocalDate to, Map<LocalDate, DayType> special) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long count = weekdaysThrough(to) - weekdaysThrough(from);
        for (Map.Entry<LocalDate, DayType> day : special.entrySet()) {
            LocalDate date = day.getKey();
            if (date.isAfter(from) && !date.isAfter(to) && isWeekend(date) == (day.getValue() == DayType.WORKDAY)) {
                count += isWeekend(date) ? 1 : -1;
            }
        }
        return Math.toIntExact(count);
    }

    /** Mondays to Fridays from Monday 1969-12-29 (epoch day −3) through {@code date}; differences are what count. */
    private static long weekdaysThrough(LocalDate date) {
        long sinceMonday = date.toEpochDay() + 3;
        return Math.floorDiv(sinceMonday, 7) * 5 + Math.min(Math.floorMod(sinceMonday, 7) + 1, 5);
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    private static boolean isWorkingDay(LocalDate date, Map<LocalDate, DayType> special) {
        DayType type = special.get(date);
        if (type != null) {
            return type == DayType.WORKDAY;
        }
        return !isWeekend(date);
    }
}
