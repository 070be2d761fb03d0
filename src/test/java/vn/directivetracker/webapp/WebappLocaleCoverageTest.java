package vn.directivetracker.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Vietnamese locale of each Camunda webapp against the English one shipped in the webjar on the
 * classpath: a Camunda upgrade that adds, renames or changes placeholders of a key fails the build with
 * the list of keys to translate. Cockpit's file comes from its own branch; until it is merged this
 * test fails for cockpit on purpose (a missing translation is never skipped).
 */
class WebappLocaleCoverageTest {

    private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";

    /** Values that are the same in both languages: product names, Java type names, comparison signs. */
    private static final Set<String> SAME_IN_BOTH = Set.of(
            "Camunda", "BPMN", "DMN", "CMMN", "Optimize", "Boolean", "Double", "Integer", "Long", "Short", "String",
            "Date", "Object", "Json", "Xml", "Bytes", "File", "Null", "ID", "URL", "API", "Cron",
            "<", "<=", ">", ">=", "=", "!=", "%", "*",
            // Literal values shown as the engine returns them, product and file-format names, an input
            // pattern, and the glossary's "Tenant" (docs/glossary.md).
            "null", "<null>", "<undefined>", "Cockpit", "Camunda Cockpit", "CSV", "JSON", "YYYY-MM-DDTHH:mm:ss",
            "Tenant: ID");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
    private static final Pattern HTML_TAG = Pattern.compile(
            "</?(a|b|br|strong|em|i|p|span|code|ul|ol|li|div|pre|small|u)\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
    void everyShippedKeyHasAVietnameseValue(String app) throws IOException {
        Map<String, JsonNode> en = leaves(read(app, "en", "the Camunda webjar"));
        Map<String, JsonNode> vi = leaves(read(app, "vi", "src/main/resources (our translation)"));

        List<String> problems = new ArrayList<>();
        Set<String> missing = new TreeSet<>(en.keySet());
        missing.removeAll(vi.keySet());
        Set<String> extra = new TreeSet<>(vi.keySet());
        extra.removeAll(en.keySet());
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " untranslated (missing) keys: " + missing);
        }
        if (!extra.isEmpty()) {
            problems.add(extra.size() + " keys Camunda does not have (typo or removed upstream): " + extra);
        }
        List<String> placeholders = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<String> english = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        en.forEach((key, enValue) -> {
            JsonNode viValue = vi.get(key);
            if (viValue == null) {
                return;
            }
            if (enValue.isTextual() != viValue.isTextual() || enValue.isNumber() != viValue.isNumber()) {
                problems.add(key + ": type differs from en.json");
                return;
            }
            if (!enValue.isTextual()) {
                return;
            }
            String source = enValue.asText();
            String translation = viValue.asText();
            if (!found(PLACEHOLDER, source).equals(found(PLACEHOLDER, translation))) {
                placeholders.add(key + " (en " + found(PLACEHOLDER, source) + ", vi " + found(PLACEHOLDER, translation) + ")");
            }
            if (!found(HTML_TAG, source).equals(found(HTML_TAG, translation))) {
                tags.add(key);
            }
            // English plural endings ("s" appended to a count) have no Vietnamese counterpart.
            if (translation.isBlank() && !source.isBlank() && !source.equals("s")) {
                empty.add(key);
            }
            boolean dateFormat = key.startsWith("dateLocales.longDateFormat.") || key.equals("dateLocales.calendar.sameElse");
            if (!source.isBlank() && source.equals(translation) && !dateFormat && !SAME_IN_BOTH.contains(source.trim())) {
                english.add(key + "=\"" + source + "\"");
            }
        });
        if (!placeholders.isEmpty()) {
            problems.add("placeholders {{…}} not kept: " + placeholders);
        }
        if (!tags.isEmpty()) {
            problems.add("HTML tags not kept: " + tags);
        }
        if (!empty.isEmpty()) {
            problems.add("empty values: " + empty);
        }
        if (!english.isEmpty()) {
            problems.add(english.size() + " values left in English: " + english);
        }
        assertThat(problems).as("%s/locales/vi.json against the webjar's en.json (%d keys)", app, en.size()).isEmpty();
    }

    private static JsonNode read(String app, String locale, String where) throws IOException {
        String path = LOCALES.formatted(app, locale);
        try (InputStream in = WebappLocaleCoverageTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as("%s from %s on the classpath", path, where).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Camunda's en.json starts with a byte order mark; ours must not (browsers and Jackson differ on it).
            if (locale.equals("vi")) {
                assertThat(text).as("%s starts without a byte order mark", path).doesNotStartWith("\uFEFF");
            }
            return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        }
    }

    /** Dotted path of every value; arrays count per element (month names, weekday names). */
    private static Map<String, JsonNode> leaves(JsonNode root) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        collect("", root, out);
        return out;
    }

    private static void collect(String path, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(path, node);
        }
    }

    private static List<String> found(Pattern pattern, String text) {
        List<String> all = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            all.add(pattern == PLACEHOLDER ? m.group(1) : m.group().replaceAll("\\s+.*", "").toLowerCase());
        }
        all.sort(null);
        return all;
    }
}
