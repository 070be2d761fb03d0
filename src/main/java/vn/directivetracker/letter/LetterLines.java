package vn.directivetracker.letter;

import java.util.ArrayList;
import java.util.List;

/** The letter's lines with their offsets, white space trimmed (offsets point at the words). */
final class LetterLines {

    record Line(int index, int start, int end, String text, String folded) {

        boolean blank() {
            return text.isEmpty();
        }

        boolean startsWith(String foldedPrefix) {
            return folded.startsWith(foldedPrefix);
        }
    }

    private LetterLines() {}

    static List<Line> of(String text, String folded) {
        List<Line> lines = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            int s = start;
            int e = end;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            lines.add(new Line(lines.size(), s, e, text.substring(s, e), folded.substring(s, e)));
            if (newline < 0) {
                break;
            }
            start = newline + 1;
        }
        return lines;
    }
}
