package vn.directivetracker.agency;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.directivetracker.common.CsvReader;

/**
 * Reads the registry's data files with {@link CsvReader} (semicolon-separated, quoted fields allowed,
 * {@code #} comments) and one header line. A bad line stops the import with its
 * line number, so a province importing its 135 communes learns exactly what to fix.
 */
final class AgencyRegistryCsv {

    private static final Pattern CODE = Pattern.compile(Agency.CODE_PATTERN);
    private static final Pattern SET_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private AgencyRegistryCsv() {}

    static List<Agency> readAgencies(InputStream in, String source) throws IOException {
        List<Agency> agencies = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Line line : lines(in, source, "code;kind;name;short_name;email;head_email")) {
            String[] f = line.fields(6);
            String code = f[0];
            line.require(CODE.matcher(code).matches(), "mã đơn vị '" + code + "' phải gồm 2–20 chữ in hoa hoặc chữ số");
            line.require(seen.add(code), "mã đơn vị '" + code + "' bị trùng");
            AgencyKind kind = line.parseKind(f[1]);
            line.require(!f[2].isBlank(), "thiếu tên đơn vị");
            line.require(!f[3].isBlank(), "thiếu tên viết tắt");
            line.require(f[4].isBlank() || EMAIL.matcher(f[4]).matches(), "email không hợp lệ: " + f[4]);
            line.require(f[5].isBlank() || EMAIL.matcher(f[5]).matches(), "email lãnh đạo không hợp lệ: " + f[5]);
            agencies.add(new Agency(code, kind, f[2], f[3], blankToNull(f[4]), blankToNull(f[5]), true));
        }
        return agencies;
    }

    static List<AgencySet> readSets(InputStream in, String source) throws IOException {
        List<AgencySet> sets = new ArrayList<>();
        for (Line line : lines(in, source, "code;name;kinds;members")) {
            String[] f = line.fields(4);
            line.require(SET_CODE.matcher(f[0]).matches() && f[0].contains("_"),
                    "mã nhóm '" + f[0] + "' phải là chữ in hoa có dấu gạch dưới (khác mã đơn vị)");
            line.require(!f[1].isBlank(), "thiếu tên nhóm");
            Set<AgencyKind> kinds = EnumSet.noneOf(AgencyKind.class);
            for (String kind : split(f[2])) {
                kinds.add(line.parseKind(kind));
            }
            sets.add(new AgencySet(f[0], f[1], kinds, split(f[3])));
        }
        return sets;
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }

    private static List<Line> lines(InputStream in, String source, String header) throws IOException {
        List<CsvReader.Row> rows;
        try {
            rows = CsvReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (CsvReader.UnreadableException e) {
            throw new InvalidRegistryException(source + ":" + e.problem().line() + ": " + e.problem().message());
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        CsvReader.Row first = rows.get(0);
        if (!String.join(";", first.cells().stream().map(String::strip).toList()).equalsIgnoreCase(header)) {
            throw new InvalidRegistryException(source + ":" + first.line() + ": dòng tiêu đề phải là '" + header + "'");
        }
        return rows.subList(1, rows.size()).stream().map(row -> new Line(source, row)).toList();
    }

    private record Line(String source, CsvReader.Row row) {

        String[] fields(int count) {
            require(row.size() == count, "cần " + count + " cột, có " + row.size());
            return row.cells().stream().map(String::strip).toArray(String[]::new);
        }

        AgencyKind parseKind(String kind) {
            try {
                return AgencyKind.valueOf(kind);
            } catch (IllegalArgumentException e) {
                throw new InvalidRegistryException(source + ":" + row.line() + ": loại đơn vị không hợp lệ '" + kind
                        + "' (DEPARTMENT, PROVINCIAL_UNIT, WARD, COMMUNE)");
            }
        }

        void require(boolean condition, String message) {
            if (!condition) {
                throw new InvalidRegistryException(source + ":" + row.line() + ": " + message);
            }
        }
    }
}
