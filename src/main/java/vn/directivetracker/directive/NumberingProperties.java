package vn.directivetracker.directive;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How each document type is numbered (Nghị định 30/2020/NĐ-CP, Điều 15 and Phụ lục III): which
 * number series it draws from and how its number and symbol are written. Both maps are optional;
 * types not named keep {@link #DEFAULT_PATTERNS} and a series of their own.
 *
 * <pre>
 * directive-tracker.numbering.patterns.THONG_BAO: "{nn}/TB-UBND"
 * directive-tracker.numbering.series.CHI_THI: CHI_THI
 * </pre>
 * Placeholders: {@code {nn}} the sequence (two digits at least), {@code {yyyy}} the year,
 * {@code {field}} the drafting field code of the letter (KGVX).
 */
@ConfigurationProperties("directive-tracker.numbering")
public record NumberingProperties(Map<DocumentType, String> patterns, Map<DocumentType, String> series) {

    /** Gia Lai's practice: "15/UBND-KGVX", "36/QĐ-UBND", "12/2026/QĐ-UBND", "…/KH-UBND", "…/CT-UBND", "…/TB-UBND". */
    public static final Map<DocumentType, String> DEFAULT_PATTERNS = Map.of(
            DocumentType.CONG_VAN, "{nn}/UBND-{field}",
            DocumentType.KE_HOACH, "{nn}/KH-UBND",
            DocumentType.THONG_BAO, "{nn}/TB-UBND",
            DocumentType.CHI_THI, "{nn}/CT-UBND",
            DocumentType.QUYET_DINH, "{nn}/QĐ-UBND",
            DocumentType.QUYET_DINH_QPPL, "{nn}/{yyyy}/QĐ-UBND");

    public NumberingProperties {
        Map<DocumentType, String> merged = new EnumMap<>(DEFAULT_PATTERNS);
        if (patterns != null) {
            merged.putAll(patterns);
        }
        merged.forEach((type, pattern) -> {
            if (pattern == null || !pattern.contains("{nn}")) {
                throw new IllegalArgumentException("directive-tracker.numbering.patterns." + type + " thiếu {nn}: " + pattern);
            }
        });
        patterns = Map.copyOf(merged);
        series = series == null ? Map.of() : Map.copyOf(series);
    }

    /** The series a type draws its numbers from: its own unless configured to share one. */
    public String seriesOf(DocumentType type) {
        return series.getOrDefault(type, type.name());
    }

    /** The number and symbol as written on the document, e.g. "05/2026/QĐ-UBND". */
    public String format(DocumentType type, int sequence, int year, String fieldCode) {
        return patterns.get(type)
                .replace("{nn}", String.format("%02d", sequence))
                .replace("{yyyy}", Integer.toString(year))
                .replace("{field}", fieldCode == null ? "" : fieldCode);
    }
}
