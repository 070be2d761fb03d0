package vn.directivetracker.letter;

import java.text.Normalizer;

/**
 * Vietnamese text as letters arrive from Word, PDF and copy-paste: precomposed or combining
 * diacritics, old and new tone placement ("Uỷ"/"Ủy", "hoá"/"hóa"), Windows line ends, non-breaking
 * spaces. {@link #normalize} gives the one text every span of a proposal points into;
 * {@link #fold} gives a same-length key (lower case, no diacritics) that the rules match on, so a
 * match at offset i..j in the folded text is the words at i..j of the normalised letter.
 */
final class VietnameseText {

    private VietnameseText() {}

    /** NFC, {@code \n} line ends, plain spaces; the Icelandic Ð some PDF fonts use becomes Đ. */
    static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace("\r\n", "\n")
                .replace('\r', '\n')
                .replace('\u00D0', '\u0110')
                .replace('\u00F0', '\u0111');
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF' || c == '\u00AD') {
                continue; // zero-width characters and soft hyphens carry nothing a reader sees
            }
            out.append(c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\t' || c == '\u000B' || c == '\f' ? ' ' : c);
        }
        return out.toString();
    }

    /**
     * Lower case without diacritics, one character for one character (đ → d, ơ → o, ư → u), so
     * offsets are shared with the normalised text. Tone placement variants fold to the same key.
     */
    static String fold(String normalized) {
        char[] out = new char[normalized.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = foldChar(normalized.charAt(i));
        }
        return new String(out);
    }

    private static char foldChar(char c) {
        if (c < 128) {
            return Character.toLowerCase(c);
        }
        if (c == '\u0111' || c == '\u0110') {
            return 'd';
        }
        if (c == '\u2013' || c == '\u2014' || c == '\u2212') {
            return '-'; // en and em dashes start bullets as often as the hyphen does
        }
        if (c == '\u201C' || c == '\u201D') {
            return '"';
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char base = decomposed.charAt(0);
        return base < 128 ? Character.toLowerCase(base) : Character.toLowerCase(c);
    }

    /** Collapses runs of white space (line wraps of a PDF) into one space. */
    static String collapse(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
