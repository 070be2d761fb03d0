package vn.directivetracker.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Which figures a run measures, for work on one of them: {@code -Dbench.figures=b,c} (c needs b's
 * letters, d and e need nothing before them). A run of fewer than all figures does not write
 * BENCHMARKS.md, whose table is always a whole run. {@code -Dbench.jfr=true} records each measured
 * figure's JFR profile ({@code profile} settings) into {@code target/bench-<figure>.jfr}: the figure
 * in the same application, data and warm-up as the official run, to find where its time goes.
 */
record BenchSelection(Set<String> figures, boolean jfr) {

    static final List<String> ALL = List.of("a", "b", "c", "d", "e", "f");

    static BenchSelection fromSystemProperties() {
        return of(System.getProperty("bench.figures", ""), System.getProperty("bench.jfr", "false"));
    }

    static BenchSelection of(String figuresListed, String jfr) {
        String listed = figuresListed.trim();
        Set<String> figures = listed.isEmpty() ? Set.copyOf(ALL)
                : Arrays.stream(listed.split(",")).map(String::trim).map(String::toLowerCase).collect(Collectors.toSet());
        if (!ALL.containsAll(figures)) {
            throw new IllegalArgumentException("-Dbench.figures takes figures among " + ALL + ", not " + listed);
        }
        if (figures.contains("c") && !figures.contains("b")) {
            throw new IllegalArgumentException("-Dbench.figures: figure c reminds the assignments of b; add b");
        }
        return new BenchSelection(figures, Boolean.parseBoolean(jfr.trim()));
    }

    boolean all() {
        return figures.containsAll(ALL);
    }

    boolean measures(String figure) {
        return figures.contains(figure);
    }

    /** Runs one figure, inside a JFR recording when asked for. */
    void record(String figure, Runnable run) {
        if (!jfr) {
            run.run();
            return;
        }
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.setName("bench-" + figure);
            recording.start();
            try {
                run.run();
            } finally {
                recording.stop();
                Path file = Path.of("target", "bench-" + figure + ".jfr");
                Files.createDirectories(file.getParent());
                recording.dump(file);
                System.out.println("[bench] JFR profile of figure " + figure + ": " + file.toAbsolutePath());
            }
        } catch (java.io.IOException | ParseException e) {
            throw new IllegalStateException("Cannot record figure " + figure + " with JFR", e);
        }
    }
}
