package vn.directivetracker.letter;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * A PDF's text puts the two columns of the footer on one line ("- Như trên; PHÓ CHỦ TỊCH"):
     * the copy-to entry on the left, the signer block on the right.
     */
    private static final Pattern TWO_COLUMNS = Pattern.compile(
            "^((?:Nơi nhận\\s*:|[-–+]\\s.*?[;.:])?)\\s+((?:TM|KT|TL|TUQ|Q)\\.\\s+\\p{Lu}.*|(?:PHÓ\\s+)?(?:CHỦ TỊCH|CHÁNH VĂN PHÒNG|GIÁM ĐỐC))$");

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
            Matcher columns = TWO_COLUMNS.matcher(text.substring(s, e));
            if (columns.matches() && !columns.group(1).isEmpty()) {
                int split = s + columns.start(2);
                int leftEnd = s + columns.end(1);
                lines.add(new Line(lines.size(), s, leftEnd, text.substring(s, leftEnd), folded.substring(s, leftEnd)));
                lines.add(new Line(lines.size(), split, e, text.substring(split, e), folded.substring(split, e)));
            } else {
                lines.add(new Line(lines.size(), s, e, text.substring(s, e), folded.substring(s, e)));
            }
            if (newline < 0) {
                break;
            }
            start = newline + 1;
        }
        return lines;
    }
}
