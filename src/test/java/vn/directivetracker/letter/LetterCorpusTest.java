package vn.directivetracker.letter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.directivetracker.directive.DirectiveRequest;

/**
 * The parser over the corpus in src/test/resources/letters: each letter next to its expected
 * breakdown (*.expected.json, written by reading the letter). Prints per-field precision and
 * recall, and holds the parser to: the seed letter exactly, agency mentions ≥ 95 %, a letter
 * without tasks gives no items, Nơi nhận never gives work, unknown names are warned about.
 */
class LetterCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("items", "lead agencies", "coordinating agencies", "deadlines",
            "subject", "number/symbol", "date", "agency mentions");

    /** True positives, false positives, false negatives of one field over the corpus. */
    private static final class Score {
        int tp;
        int fp;
        int fn;

        void compare(List<String> expected, List<String> actual) {
            List<String> left = new ArrayList<>(actual);
            for (String e : expected) {
                if (left.remove(e)) {
                    tp++;
                } else {
                    fn++;
                }
            }
            fp += left.size();
        }

        void compare(String expected, String actual) {
            if (Objects.equals(expected, actual)) {
                tp++;
            } else {
                fp += actual == null ? 0 : 1;
                fn += expected == null ? 0 : 1;
            }
        }

        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }
    }

    private record Case(String name, String text, JsonNode expected, LetterProposal proposal) {}

    private static List<Case> corpus() throws IOException, URISyntaxException {
        Path folder = Path.of(LetterCorpusTest.class.getResource("/letters").toURI());
        LetterParser parser = TestDirectory.parser();
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".txt", "");
                String text = Files.readString(file);
                JsonNode expected = JSON.readTree(folder.resolve(name + ".expected.json").toFile());
                cases.add(new Case(name, text, expected, parser.parse(text)));
            }
        }
        return cases;
    }

    @Test
    void corpusPrecisionAndRecall() throws Exception {
        List<Case> cases = corpus();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(9);
        Map<String, Score> scores = new LinkedHashMap<>();
        FIELDS.forEach(f -> scores.put(f, new Score()));
        for (Case c : cases) {
            JsonNode e = c.expected();
            DirectiveRequest d = c.proposal().directive();
            Map<String, DirectiveRequest.Item> actual = new HashMap<>();
            d.items().forEach(i -> actual.put(i.label(), i));
            List<String> expectedItems = new ArrayList<>();
            List<String> expectedLeads = new ArrayList<>();
            List<String> expectedCoordinating = new ArrayList<>();
            List<String> expectedDeadlines = new ArrayList<>();
            for (JsonNode item : e.path("items")) {
                String label = item.path("label").asText();
                expectedItems.add(label + "|" + fold(item.path("startsWith").asText()));
                item.path("lead").forEach(code -> expectedLeads.add(label + "|" + code.asText()));
                item.path("coordinating").forEach(code -> expectedCoordinating.add(label + "|" + code.asText()));
                expectedDeadlines.add(label + "|" + item.path("deadline").asText());
            }
            List<String> items = new ArrayList<>();
            List<String> leads = new ArrayList<>();
            List<String> coordinating = new ArrayList<>();
            List<String> deadlines = new ArrayList<>();
            for (DirectiveRequest.Item item : d.items()) {
                String expectedStart = e.path("items").findValuesAsText("startsWith").stream()
                        .filter(s -> fold(item.content()).startsWith(fold(s))).findFirst().orElse("?");
                items.add(item.label() + "|" + fold(expectedStart));
                item.leadAgencies().forEach(code -> leads.add(item.label() + "|" + code));
                item.coordinating().forEach(code -> coordinating.add(item.label() + "|" + code));
                deadlines.add(item.label() + "|" + deadline(item));
            }
            scores.get("items").compare(expectedItems, items);
            scores.get("lead agencies").compare(expectedLeads, leads);
            scores.get("coordinating agencies").compare(expectedCoordinating, coordinating);
            scores.get("deadlines").compare(expectedDeadlines, deadlines);
            scores.get("subject").compare(text(e, "subject"), d.subject());
            scores.get("number/symbol").compare(text(e, "number") + "/" + text(e, "symbol"),
                    c.proposal().letter().number() + "/" + c.proposal().letter().symbol());
            scores.get("date").compare(text(e, "issueDate"), Objects.toString(c.proposal().letter().issueDate(), null));
            List<String> expectedMentions = new ArrayList<>();
            e.path("mentions").forEach(m -> expectedMentions.add(fold(m.path("text").asText()) + "=" + text(m, "code")));
            scores.get("agency mentions").compare(expectedMentions, c.proposal().letter().agencyMentions().stream()
                    .map(m -> fold(m.text()) + "=" + m.code()).toList());
        }
        System.out.printf("%nLetter import over %d letters (src/test/resources/letters)%n", cases.size());
        System.out.printf("%-24s %6s %6s %6s %10s %8s%n", "field", "tp", "fp", "fn", "precision", "recall");
        scores.forEach((field, s) -> System.out.printf("%-24s %6d %6d %6d %9.1f%% %7.1f%%%n",
                field, s.tp, s.fp, s.fn, 100 * s.precision(), 100 * s.recall()));
        assertThat(scores.get("agency mentions").recall()).as("agency mentions matched").isGreaterThanOrEqualTo(0.95);
        assertThat(scores.get("agency mentions").precision()).as("agency mentions proposed correctly").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void seedLetterIsReproducedExactly() {
        LetterProposal proposal = TestDirectory.parser().parse(CorpusLetters.seedText());
        List<DirectiveRequest.Item> items = proposal.directive().items();

        assertThat(items).extracting(DirectiveRequest.Item::label).containsExactly("1", "2", "3");
        assertThat(items.get(0).leadAgencies()).containsExactly("ALL_AGENCIES");
        assertThat(items.get(1).leadAgencies()).containsExactly("CAT", "BCHQS", "SNGV", "SVHTTDL", "STC", "SCT", "SDTTG", "VPUBND");
        assertThat(items.get(2).leadAgencies()).containsExactly("SVHTTDL");
        assertThat(items).allSatisfy(item -> {
            assertThat(item.coordinating()).isEmpty();
            assertThat(item.ongoing()).isTrue();
            assertThat(item.deadline()).isNull();
            assertThat(item.deadlineWorkingDays()).isNull();
            assertThat(item.reportSchedule()).isNull();
        });
        // item 1: every agency (departments, provincial units, all communes and wards), item 2: eight, item 3: one
        int everyAgency = TestDirectory.names().expand("ALL_AGENCIES").size();
        assertThat(everyAgency).isEqualTo(154);
        assertThat(proposal.letter().assignmentCount()).isEqualTo(163).isEqualTo(everyAgency + 8 + 1);
        assertThat(proposal.directive().recipients())
                .containsExactly("ALL_DEPARTMENTS", "BCHQS", "CAT", "BPTTH", "LHHN", "ALL_COMMUNES");
        assertThat(proposal.directive().signer().name()).isEqualTo("Nguyễn Thị Thanh Lịch");
        assertThat(proposal.directive().copyTo()).contains("Ban Tuyên giáo và Dân vận Tỉnh ủy");
    }

    @Test
    void letterWithoutTasksYieldsNoItems() {
        LetterProposal proposal = TestDirectory.parser().parse(CorpusLetters.text("005_tb_lich-tiep-cong-dan.txt"));

        assertThat(proposal.directive().items()).isEmpty();
        assertThat(proposal.letter().assignmentCount()).isZero();
    }

    @Test
    void copyToNeverGivesWorkAndUnknownNamesAreWarnedAbout() throws Exception {
        for (Case c : corpus()) {
            List<String> assignees = new ArrayList<>();
            c.proposal().directive().items().forEach(i -> {
                assignees.addAll(i.leadAgencies());
                assignees.addAll(i.coordinating());
            });
            c.expected().path("notAssignees").forEach(code -> assertThat(assignees).as(c.name()).doesNotContain(code.asText()));
            String warnings = c.proposal().warnings().toString();
            c.expected().path("warningsMention").forEach(name -> assertThat(warnings).as(c.name()).contains(name.asText()));
            c.proposal().letter().agencyMentions().stream().filter(m -> m.code() == null)
                    .forEach(m -> assertThat(warnings).as(c.name() + ": unknown name without warning").contains(m.text()));
        }
    }

    @Test
    void everySourceSpanIsTheWordsOfTheLetter() throws Exception {
        for (Case c : corpus()) {
            String normalized = VietnameseText.normalize(c.text());
            c.proposal().sources().forEach((pointer, span) ->
                    assertThat(normalized.substring(span.start(), span.end())).as(c.name() + " " + pointer).isEqualTo(span.text()));
            assertThat(c.proposal().sources()).as(c.name()).containsKey("/subject");
        }
    }

    @Test
    void referencedLettersDatesAreNotDeadlines() {
        LetterProposal proposal = TestDirectory.parser().parse(CorpusLetters.text("006_cv_noi-nhan.txt"));

        // "Tờ trình số 88/TTr-SNV ngày 25/3/2026" is cited; the deadline is "trước ngày 10/4/2026"
        assertThat(proposal.directive().items().get(0).deadline()).isEqualTo("2026-04-10");
        assertThat(proposal.sources().get("/items/0/deadline").text()).isEqualTo("trước ngày 10/4/2026");
    }

    private static String deadline(DirectiveRequest.Item item) {
        if (item.deadline() != null) {
            return item.deadline().toString();
        }
        if (item.deadlineWorkingDays() != null) {
            return "wd:" + item.deadlineWorkingDays();
        }
        return item.reportSchedule() == null ? "ongoing" : "ongoing:" + item.reportSchedule();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    private static String fold(String s) {
        return VietnameseText.collapse(VietnameseText.fold(VietnameseText.normalize(s)));
    }
}
