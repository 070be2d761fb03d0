package vn.directivetracker.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/** The benchmark's figure selection and per-figure JFR recording (bench/METHOD.md). */
class BenchSelectionTest {

    @Test
    void nothingListedMeansEveryFigure() {
        BenchSelection selection = BenchSelection.of(" ", "");
        assertThat(selection.all()).isTrue();
        assertThat(BenchSelection.ALL).allMatch(selection::measures);
        assertThat(selection.jfr()).isFalse();
    }

    @Test
    void onlyTheListedFiguresWhateverTheirCaseAndSpacing() {
        BenchSelection selection = BenchSelection.of(" B , c,e", "true");
        assertThat(selection.figures()).containsExactlyInAnyOrder("b", "c", "e");
        assertThat(selection.all()).isFalse();
        assertThat(selection.measures("a")).isFalse();
        assertThat(selection.jfr()).isTrue();
    }

    @Test
    void refusesAnUnknownFigureAndCWithoutB() {
        assertThatThrownBy(() -> BenchSelection.of("a,x", "")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
        assertThatThrownBy(() -> BenchSelection.of("c", "")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("add b");
    }

    @Test
    void recordsAFigureIntoItsOwnFileOnlyWhenAsked() throws Exception {
        Path file = Path.of("target", "bench-selftest.jfr");
        Files.deleteIfExists(file);
        AtomicInteger runs = new AtomicInteger();

        BenchSelection.of("a", "false").record("selftest", runs::incrementAndGet);
        assertThat(file).doesNotExist();

        BenchSelection.of("a", "true").record("selftest", runs::incrementAndGet);
        assertThat(runs).hasValue(2);
        assertThat(file).exists();
        try (RecordingFile recording = new RecordingFile(file)) {
            assertThat(recording.hasMoreEvents()).isTrue();
        }
        Files.delete(file);
    }
}
