package vn.directivetracker.common;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The one reader of the application's data files (agencies, agency sets, accounts, holidays), on
 * Apache Commons CSV: UTF-8 text, {@code ;}-separated (agency names contain commas), fields may be
 * quoted ({@code "Sở A; Sở B"}, {@code ""} for a quote), blank lines and lines starting with {@code #}
 * skipped, a byte-order mark ignored. Cells come as written (not trimmed): each format decides.
 *
 * <p>The error contract is {@link Problem}: line number, column (when one is to blame) and a
 * Vietnamese message. Each feature turns problems into its own answer (a rejected import naming each
 * bad line, or the first bad line of a registry file).
 */
public final class CsvReader {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setDelimiter(';')
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .get();

    private CsvReader() {}

    /** One line of data: its number in the file (1-based) and its cells. */
    public record Row(long line, List<String> cells) {

        public int size() {
            return cells.size();
        }

        /** The cell, or "" beyond the last one. */
        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }

        /** The cells joined back with {@code ;} (header comparison, messages). */
        public String text() {
            return String.join(";", cells);
        }

        public Problem problem(String column, String message) {
            return new Problem(line, column, message);
        }
    }

    /** What is wrong where: the one error contract of every data file. */
    public record Problem(long line, String column, String message) {}

    /** A file that cannot be read as CSV at all (an unclosed quote): names the line. */
    public static class UnreadableException extends RuntimeException {

        private final transient Problem problem;

        UnreadableException(Problem problem, Throwable cause) {
            super(problem.message(), cause);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /**
     * The data rows of a text, header included (the caller checks it), without blank lines (also
     * lines of spaces only) and comments.
     *
     * @throws UnreadableException if the text is not CSV (an unclosed quote), naming the line
     */
    public static List<Row> read(String text) {
        String body = text.replace("\uFEFF", "");
        if (!body.endsWith("\n")) {
            body = body + "\n"; // so that the parser's line count is the record's line, also for the last one
        }
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    Problem problem = new Problem(parser.getCurrentLineNumber() + 1, null,
                            "Không đọc được dòng: thiếu dấu \" đóng trường");
                    throw new UnreadableException(problem, e);
                }
                List<String> cells = record.toList();
                if (cells.stream().allMatch(String::isBlank) || cells.get(0).strip().startsWith("#")) {
                    continue;
                }
                rows.add(new Row(parser.getCurrentLineNumber(), List.copyOf(cells)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
