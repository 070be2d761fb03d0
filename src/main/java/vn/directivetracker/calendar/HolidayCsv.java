package vn.directivetracker.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.directivetracker.common.CsvReader;
import vn.directivetracker.common.FieldViolation;
import vn.directivetracker.common.InvalidRequestException;

/**
 * The holiday file format, read with {@link CsvReader}: {@code date;type;name} per line (ISO date; OFF
 * or WORKDAY), an optional header line {@code date;type;name}, comment lines starting with {@code #}.
 * Every bad line is reported as {@code <source>:<line>}; a file with any bad line is rejected whole.
 */
final class HolidayCsv {

    private static final String HEADER = "date;type;name";

    private HolidayCsv() {}

    static List<Holiday> parse(String text, String source) {
        List<Holiday> holidays = new ArrayList<>();
        List<CsvReader.Problem> problems = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        try {
            for (CsvReader.Row row : CsvReader.read(text)) {
                List<String> f = row.cells().stream().map(String::strip).toList();
                if (String.join(";", f).equalsIgnoreCase(HEADER)) {
                    continue;
                }
                if (f.size() < 3 || name(f).isBlank()) {
                    problems.add(row.problem(null, "Cần 3 cột 'ngày;loại;tên', có: " + String.join(";", f)));
                    continue;
                }
                try {
                    LocalDate date = LocalDate.parse(f.get(0));
                    DayType type = DayType.valueOf(f.get(1));
                    if (!seen.add(date)) {
                        problems.add(row.problem("date", "Ngày " + date + " bị trùng"));
                    }
                    holidays.add(new Holiday(date, type, name(f)));
                } catch (DateTimeParseException e) {
                    problems.add(row.problem("date", "Ngày không đúng định dạng yyyy-MM-dd: " + f.get(0)));
                } catch (IllegalArgumentException e) {
                    problems.add(row.problem("type", "Loại ngày phải là OFF hoặc WORKDAY: " + f.get(1)));
                }
            }
        } catch (CsvReader.UnreadableException e) {
            problems.add(e.problem());
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems.stream()
                    .map(p -> new FieldViolation(source + ":" + p.line(), p.message())).toList());
        }
        return holidays;
    }

    /** The name is the rest of the line: an unquoted {@code ;} in it stays part of it, as before. */
    private static String name(List<String> f) {
        return String.join(";", f.subList(2, f.size())).strip();
    }
}
