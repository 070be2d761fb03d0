package vn.directivetracker.workspace;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What people type into the workspace's forms, read the Vietnamese way (dates dd/mm/yyyy). */
final class FormValues {

    private static final Pattern VIETNAMESE_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    /** Thrown with a Vietnamese message when a date cannot be read. */
    static final class BadDate extends IllegalArgumentException {
        BadDate(String text) {
            super("Ngày '" + text + "' không hợp lệ: viết theo dạng ngày/tháng/năm, ví dụ 15/06/2026");
        }
    }

    private FormValues() {}

    /** @return null for an empty field */
    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            Matcher vn = VIETNAMESE_DATE.matcher(value);
            if (vn.matches()) {
                return LocalDate.of(Integer.parseInt(vn.group(3)), Integer.parseInt(vn.group(2)), Integer.parseInt(vn.group(1)));
            }
            Matcher iso = ISO_DATE.matcher(value);
            if (iso.matches()) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeException invalid) {
            // falls through to the message below
        }
        throw new BadDate(value);
    }

    static String format(LocalDate date) {
        return date == null ? "" : String.format("%02d/%02d/%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    /** "SNGV, STC;BCHQS" → [SNGV, STC, BCHQS]: codes separated by commas, semicolons or spaces. */
    static List<String> codes(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,;\\s]+"))
                .map(s -> s.strip().toUpperCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }

    /** One entry per non-empty line. */
    static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
