package vn.directivetracker.common;

import java.time.LocalDate;
import java.util.List;

/**
 * The range of a reference date a client may ask about ({@code asOf}, {@code from}): the work this
 * system tracks lies well inside it, and a date far outside would only make the server count holidays
 * and working days for nothing.
 */
public final class ReferenceDates {

    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private ReferenceDates() {}

    /** Throws 400 naming {@code field} when {@code date} (if given) lies outside 2000–2100. */
    public static LocalDate check(String field, LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            throw new InvalidRequestException(List.of(new FieldViolation(field,
                    "Ngày phải trong khoảng " + EARLIEST + " đến " + LATEST)));
        }
        return date;
    }
}
