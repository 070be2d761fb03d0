package vn.directivetracker.letter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The letters of src/test/resources/letters. */
final class CorpusLetters {

    static final String SEED = "000_64367c801dd90015";

    private CorpusLetters() {}

    static String seedText() {
        return text(SEED + ".txt");
    }

    static String text(String file) {
        try (InputStream in = CorpusLetters.class.getResourceAsStream("/letters/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("No letter " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
