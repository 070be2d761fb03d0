package vn.directivetracker.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Figures a and b: from the clerk's click (completing the issuing step) until every assignment's
 * task exists with its notice in the outbox (b: and its deadline-watch timer job); baseline: from
 * completing the parent's user task until every child's task exists. Ours and the baseline take
 * turns, so both see the same machine.
 */
final class FanOutScenario {

    private static final int N = BenchSizes.LETTER_ASSIGNMENTS;

    private final OurLetters letters;
    private final BareCamunda bare;
    private final int chunkSize;
    private final Database db;
    private final List<Long> bulkDirectives = new ArrayList<>();
    private List<Database.RowsPer> oursRowsPerAssignment = List.of();
    private List<Database.RowsPer> bareRowsPerChild = List.of();

    FanOutScenario(OurLetters letters, BareCamunda bare, int chunkSize, Database db) {
        this.letters = letters;
        this.bare = bare;
        this.chunkSize = chunkSize;
        this.db = db;
    }

    /**
     * Untimed rounds before a's timed ones: a server runs warm, and with one warm-up round our times
     * still fell run after run while the JIT compiled the fan-out's code (2026-12-02 08:00 run: 1.52,
     * 1.37, 1.38, 1.04, 1.21 s). Every side gets the same rounds.
     */
    private static final int WARM_UPS = Integer.getInteger("bench.warmups", 3);

    /** a. One letter of 170 assignments, {@code repeats} times each side after {@link #WARM_UPS} warm-up rounds (not counted). */
    void oneLetter(int repeats, Figures figures) {
        List<Double> ours = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        List<Double> chunked = new ArrayList<>();
        for (int run = 1 - WARM_UPS; run <= repeats; run++) {
            long id = letters.prepare("[BENCH] Một văn bản " + run);
            long start = System.nanoTime();
            letters.issue(id);
            ours.add(Poll.secondsUntilCount(start, Duration.ofMinutes(5), "assignments of letter " + id, N,
                    () -> letters.ready(List.of(id), false, N)));
            db.awaitQuiet(Duration.ofMinutes(5));

            String parent = bare.startParent();
            long bareStart = System.nanoTime();
            bare.issue(parent);
            baseline.add(Poll.secondsUntilCount(bareStart, Duration.ofMinutes(5), "child tasks of " + parent, N,
                    () -> bare.childTasks(List.of(parent))));
            db.awaitQuiet(Duration.ofMinutes(5));

            chunked.add(bareChildrenSeconds(List.of(bare.startChunkedParent(chunkSize))));
            System.out.printf("[bench] a. %s: ours %.2f s, bare %.2f s, bare in chunks of %d %.2f s%n",
                    run <= 0 ? "warm-up" : "run " + run, last(ours), last(baseline), chunkSize, last(chunked));
            if (run <= 0) {
                ours.clear();
                baseline.clear();
                chunked.clear();
            }
        }
        figures.compared("a. one letter, 170 assignments: click → all tasks + notices (median, max of " + repeats + ")",
                medianMax(baseline), medianMax(ours), median(ours) / median(baseline), "≤ 1.0 s");
        figures.baselineOnly("a′. the same, bare Camunda creating its children " + chunkSize + " per job (median, max)",
                medianMax(chunked), "(floor of batching)");
    }

    /** b. {@code count} letters issued one after another as fast as the clerk's calls return. */
    void manyLetters(int count, Figures figures) {
        for (int i = 1; i <= count; i++) {
            bulkDirectives.add(letters.prepare("[BENCH] Nhiều văn bản " + i));
        }
        db.awaitQuiet(Duration.ofMinutes(5));
        Map<String, Long> before = db.rowCounts();
        long start = System.nanoTime();
        bulkDirectives.forEach(letters::issue);
        int expected = count * N;
        double ours = Poll.secondsUntilCount(start, Duration.ofMinutes(60), "assignments with task, watch and notice", expected,
                () -> letters.ready(bulkDirectives, true, expected));
        db.awaitQuiet(Duration.ofMinutes(10));
        // Also printed: when b's mail is all at SMTP. The dispatcher yields to a busy job executor (ADR 31),
        // so most of it goes out after the fan-out; this is where that work shows.
        double oursQuiet = (System.nanoTime() - start) / 1e9;
        Map<String, Long> after = db.rowCounts();
        long mails = after.getOrDefault("notification", 0L) - before.getOrDefault("notification", 0L);
        oursRowsPerAssignment = Database.rowsPer(before, after, expected);

        List<String> parents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parents.add(bare.startParent());
        }
        db.awaitQuiet(Duration.ofMinutes(5));
        Map<String, Long> bareBefore = db.rowCounts();
        IntSupplier bareChildTasks = bare.childTaskCount(parents, expected);
        long bareStart = System.nanoTime();
        parents.forEach(bare::issue);
        double baseline = Poll.secondsUntilCount(bareStart, Duration.ofMinutes(60), "child tasks", expected, bareChildTasks);
        db.awaitQuiet(Duration.ofMinutes(10));
        bareRowsPerChild = Database.rowsPer(bareBefore, db.rowCounts(), expected);

        List<String> chunkedParents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chunkedParents.add(bare.startChunkedParent(chunkSize));
        }
        db.awaitQuiet(Duration.ofMinutes(5));
        double chunked = bareChildrenSeconds(chunkedParents);
        System.out.printf("[bench] b. ours %.1f s, bare %.1f s, bare in chunks of %d %.1f s for %d%n",
                ours, baseline, chunkSize, chunked, expected);
        figures.compared("b. " + count + " letters × 170 issued at once: assignments/s (task, watch, notice; bare: children/s)",
                expected / baseline, expected / ours, "%.0f /s", "≥ 500 /s");
        figures.baselineOnly("b′. the same, bare Camunda creating its children " + chunkSize + " per job: children/s",
                String.format("%.0f /s", expected / chunked), "(floor of batching)");
        figures.alone("b″. the same, until the engine is quiet and all " + mails + " of its emails are at SMTP",
                String.format("%.1f s", oursQuiet), "—");
    }

    /** Issues bare parents already started, one after another; seconds until all their child tasks exist. */
    private double bareChildrenSeconds(List<String> parents) {
        IntSupplier childTasks = bare.childTaskCount(parents, parents.size() * N);
        long start = System.nanoTime();
        parents.forEach(bare::issue);
        double seconds = Poll.secondsUntilCount(start, Duration.ofMinutes(60), "child tasks", parents.size() * N, childTasks);
        db.awaitQuiet(Duration.ofMinutes(10));
        return seconds;
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    List<Long> bulkDirectives() {
        return bulkDirectives;
    }

    List<Database.RowsPer> oursRowsPerAssignment() {
        return oursRowsPerAssignment;
    }

    List<Database.RowsPer> bareRowsPerChild() {
        return bareRowsPerChild;
    }

    private static String medianMax(List<Double> seconds) {
        return String.format("%.2f s (max %.2f)", median(seconds), Collections.max(seconds));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
