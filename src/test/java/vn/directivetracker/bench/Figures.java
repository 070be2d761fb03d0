package vn.directivetracker.bench;

import java.util.ArrayList;
import java.util.List;

/** The benchmark's table: figure | bare Camunda | this project | ratio (ours/baseline) | target. */
final class Figures {

    record Row(String figure, String baseline, String ours, String ratio, String target) {}

    private static final String NONE = "—";
    private final List<Row> rows = new ArrayList<>();

    /** A figure with a baseline: the ratio is ours divided by the baseline's (same unit). */
    void compared(String figure, double baseline, double ours, String format, String target) {
        rows.add(new Row(figure, String.format(format, baseline), String.format(format, ours),
                String.format("%.2f", ours / baseline), target));
    }

    /** A figure with a baseline, already formatted. */
    void compared(String figure, String baseline, String ours, double ratio, String target) {
        rows.add(new Row(figure, baseline, ours, String.format("%.2f", ratio), target));
    }

    /** Response times with a baseline: p95 and p50 side by side, the ratio of the p95s. */
    void compared(String figure, Latencies baseline, Latencies ours, String target) {
        rows.add(new Row(figure, baseline.summary(), ours.summary(),
                String.format("%.2f", ours.percentile(95) / baseline.percentile(95)), target));
    }

    /** A figure measured on bare Camunda only, as a reference for the figure above it. */
    void baselineOnly(String figure, String baseline, String target) {
        rows.add(new Row(figure, baseline, NONE, NONE, target));
    }

    /** A figure bare Camunda has no counterpart for. */
    void alone(String figure, String ours, String target) {
        rows.add(new Row(figure, NONE, ours, NONE, target));
    }

    /** A scenario that could not finish: its figures are missing, the run goes on. */
    void failed(String scenario, RuntimeException e) {
        rows.add(new Row(scenario + " — failed: " + String.valueOf(e.getMessage()).replace('|', '/').replace('\n', ' '),
                NONE, NONE, NONE, NONE));
    }

    List<Row> rows() {
        return rows;
    }

    /** Aligned plain text for the console. */
    String table() {
        List<Row> all = new ArrayList<>();
        all.add(new Row("figure", "bare Camunda", "this project", "ratio", "target"));
        all.addAll(rows);
        int[] width = new int[5];
        for (Row row : all) {
            String[] cells = cells(row);
            for (int i = 0; i < 5; i++) {
                width[i] = Math.max(width[i], cells[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (Row row : all) {
            String[] cells = cells(row);
            for (int i = 0; i < 5; i++) {
                out.append(String.format("%-" + width[i] + "s", cells[i])).append(i < 4 ? " | " : "\n");
            }
        }
        return out.toString();
    }

    String markdown() {
        StringBuilder out = new StringBuilder("| figure | bare Camunda | this project | ratio (ours/bare) | target |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        rows.forEach(row -> out.append("| ").append(String.join(" | ", cells(row))).append(" |\n"));
        return out.toString();
    }

    private static String[] cells(Row row) {
        return new String[] {row.figure(), row.baseline(), row.ours(), row.ratio(), row.target()};
    }
}
