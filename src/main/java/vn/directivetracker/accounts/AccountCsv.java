package vn.directivetracker.accounts;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.directivetracker.common.CsvReader;
import vn.directivetracker.common.FieldViolation;

/**
 * Reads an account file with {@link CsvReader} (UTF-8, {@code ;}-separated, quoted fields allowed), a header line, then
 * {@code id;firstName;lastName;email;agencyCode;role[;password]}. {@code role} lists one or more of
 * officer, head, coordinator, officeleader, provincialleader, clerk, separated by commas; officer and
 * head need the agency code. Every problem
 * is reported with its line number; rows with problems are left out of the result.
 */
final class AccountCsv {

    static final List<String> COLUMNS = List.of("id", "firstName", "lastName", "email", "agencyCode", "role", "password");

    private AccountCsv() {}

    static List<AccountRow> parse(String text, List<FieldViolation> problems) {
        List<CsvReader.Row> lines;
        try {
            lines = CsvReader.read(text);
        } catch (CsvReader.UnreadableException e) {
            problems.add(violation(e.problem()));
            return List.of();
        }
        if (lines.isEmpty()) {
            problems.add(new FieldViolation("dòng 1", "Tệp trống: cần dòng tiêu đề và ít nhất một tài khoản"));
            return List.of();
        }
        if (!isHeader(lines.get(0).cells().toArray(String[]::new))) {
            problems.add(violation(lines.get(0).problem(null, "Dòng tiêu đề phải là " + String.join(";", COLUMNS)
                    + " (cột password có thể bỏ)")));
            return List.of();
        }
        List<AccountRow> rows = new ArrayList<>();
        for (CsvReader.Row line : lines.subList(1, lines.size())) {
            String[] cells = line.cells().toArray(String[]::new);
            if (cells.length != COLUMNS.size() && cells.length != COLUMNS.size() - 1) {
                problems.add(violation(line.problem(null, "Cần " + (COLUMNS.size() - 1) + " hoặc " + COLUMNS.size()
                        + " cột ngăn cách bằng dấu ;, dòng này có " + cells.length)));
                continue;
            }
            row((int) line.line(), cells, problems).ifPresent(rows::add);
        }
        return rows;
    }

    /** Account problems are named by line ("dòng 3"), as the import page shows them. */
    static FieldViolation violation(CsvReader.Problem problem) {
        return new FieldViolation("dòng " + problem.line(), problem.message());
    }

    private static boolean isHeader(String[] cells) {
        if (cells.length != COLUMNS.size() && cells.length != COLUMNS.size() - 1) {
            return false;
        }
        for (int c = 0; c < cells.length; c++) {
            if (!cells[c].strip().equalsIgnoreCase(COLUMNS.get(c))) {
                return false;
            }
        }
        return true;
    }

    private static Optional<AccountRow> row(int line, String[] cells, List<FieldViolation> problems) {
        String field = "dòng " + line;
        int before = problems.size();
        Set<AccountRole> roles = EnumSet.noneOf(AccountRole.class);
        for (String value : cells[5].split(",")) {
            if (value.isBlank()) {
                continue;
            }
            AccountRole.parse(value).ifPresentOrElse(roles::add, () -> problems.add(new FieldViolation(field,
                    "Vai trò không hợp lệ: " + value.strip() + " (dùng " + AccountRole.names() + ")")));
        }
        if (roles.isEmpty() && problems.size() == before) {
            problems.add(new FieldViolation(field, "Thiếu vai trò (cột role): " + AccountRole.names()));
        }
        String password = cells.length == COLUMNS.size() && !cells[6].isEmpty() ? cells[6] : null;
        return problems.size() == before
                ? Optional.of(new AccountRow(line, cells[0].strip(), cells[1].strip(), cells[2].strip(),
                        blankToNull(cells[3]), blankToNull(cells[4]), roles, password))
                : Optional.empty();
    }

    private static String blankToNull(String cell) {
        return cell.isBlank() ? null : cell.strip();
    }
}
