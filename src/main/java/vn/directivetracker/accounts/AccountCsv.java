package vn.directivetracker.accounts;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.directivetracker.common.FieldViolation;

/**
 * Reads an account file: UTF-8, {@code ;}-separated like the agency registry, a header line, then
 * {@code id;firstName;lastName;email;agencyCode;role[;password]}. {@code role} lists one or more of
 * officer, head, coordinator, officeleader, provincialleader, clerk, separated by commas; officer and
 * head need the agency code. Blank lines and lines starting with {@code #} are skipped. Every problem
 * is reported with its line number; rows with problems are left out of the result.
 */
final class AccountCsv {

    static final List<String> COLUMNS = List.of("id", "firstName", "lastName", "email", "agencyCode", "role", "password");

    private AccountCsv() {}

    static List<AccountRow> parse(String text, List<FieldViolation> problems) {
        String[] lines = text.replace("\uFEFF", "").split("\r?\n", -1);
        List<AccountRow> rows = new ArrayList<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String field = "dòng " + (i + 1);
            String[] cells = line.split(";", -1);
            if (!headerSeen) {
                headerSeen = true;
                if (!isHeader(cells)) {
                    problems.add(new FieldViolation(field, "Dòng tiêu đề phải là " + String.join(";", COLUMNS)
                            + " (cột password có thể bỏ)"));
                    return List.of();
                }
                continue;
            }
            if (cells.length != COLUMNS.size() && cells.length != COLUMNS.size() - 1) {
                problems.add(new FieldViolation(field, "Cần " + (COLUMNS.size() - 1) + " hoặc " + COLUMNS.size()
                        + " cột ngăn cách bằng dấu ;, dòng này có " + cells.length));
                continue;
            }
            row(i + 1, cells, problems).ifPresent(rows::add);
        }
        if (!headerSeen) {
            problems.add(new FieldViolation("dòng 1", "Tệp trống: cần dòng tiêu đề và ít nhất một tài khoản"));
        }
        return rows;
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
