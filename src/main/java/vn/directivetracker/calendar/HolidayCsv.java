package vn.directivetracker.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.directivetracker.common.FieldViolation;
import vn.directivetracker.common.InvalidRequestException;

/**
 * The holiday file format: {@code date;type;name[;status]} per line (ISO date; OFF or WORKDAY; status
 * empty or "dự kiến" for a provisional day), an optional header line, comment lines starting with
 * {@code #}. Every bad line is
 * reported with its number; a file with any bad line is rejected whole.
 */
final class HolidayCsv {

    private HolidayCsv() {}

    static List<Holiday> parse(String text, String source) {
        List<Holiday> holidays = new ArrayList<>();
        List<FieldViolation> violations = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        String[] lines = text.replace("\uFEFF", "").split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.toLowerCase().startsWith("date;type;name")) {
                continue;
            }
            String where = source + ":" + (i + 1);
            String[] f = line.split(";", 4);
            if (f.length < 3 || f[2].isBlank()) {
                violations.add(new FieldViolation(where, "Cần 3 cột 'ngày;loại;tên', có: " + line));
                continue;
            }
            try {
                LocalDate date = LocalDate.parse(f[0].strip());
                DayType type = DayType.valueOf(f[1].strip());
                if (!seen.add(date)) {
                    violations.add(new FieldViolation(where, "Ngày " + date + " bị trùng"));
                }
                String status = f.length > 3 ? f[3].strip() : "";
                if (!status.isEmpty() && !status.equalsIgnoreCase(Holiday.PROVISIONAL_LABEL)) {
                    violations.add(new FieldViolation(where, "Cột trạng thái chỉ để trống hoặc ghi 'dự kiến', có: " + status));
                    continue;
                }
                holidays.add(new Holiday(date, type, f[2].strip(), !status.isEmpty()));
            } catch (DateTimeParseException e) {
                violations.add(new FieldViolation(where, "Ngày không đúng định dạng yyyy-MM-dd: " + f[0].strip()));
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation(where, "Loại ngày phải là OFF hoặc WORKDAY: " + f[1].strip()));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return holidays;
    }
}
