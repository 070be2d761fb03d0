package vn.directivetracker.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Dates as people type and read them in the Tasklist forms: dd/mm/yyyy ("26/02/2027"; "6/2/2027" is
 * accepted too). The ISO form (2027-02-26) is still read, for the JSON API, which passes its dates
 * through the same process variables, and for processes started before forms used dd/mm/yyyy.
 * (A candidate for the shared Vietnamese formats class.)
 */
public final class FormDates {

    public static final String PATTERN_LABEL = "dd/mm/yyyy";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private FormDates() {}

    public static String format(LocalDate date) {
        return date == null ? null : SHOWN.format(date);
    }

    /** @throws DateTimeParseException when the text is neither dd/mm/yyyy nor yyyy-mm-dd, or no such day exists */
    public static LocalDate parse(String text) {
        String t = text.strip();
        return t.contains("/") ? LocalDate.parse(t, TYPED) : LocalDate.parse(t);
    }
}
