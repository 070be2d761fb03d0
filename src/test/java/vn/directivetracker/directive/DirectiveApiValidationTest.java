package vn.directivetracker.directive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * Bad input to POST /api/directives answers 400 problem+json naming the field, and writes nothing:
 * no directive, item, assignment, email or process instance.
 */
class DirectiveApiValidationTest extends IntegrationTest {

    private static final List<String> TABLES = List.of("directive", "directive_item", "directive_item_responsible",
            "directive_recipient", "assignment", "notification", "directive_event", "ACT_RU_EXECUTION", "ACT_HI_PROCINST");

    @Autowired ObjectMapper mapper;

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("missing subject", "subject", (Consumer<ObjectNode>) d -> d.remove("subject")),
                Arguments.of("blank subject", "subject", (Consumer<ObjectNode>) d -> d.put("subject", "  ")),
                Arguments.of("unknown lead agency", "items[1].leadAgencies[0]",
                        (Consumer<ObjectNode>) d -> ((ArrayNode) d.withArray("items").get(1).withArray("leadAgencies")).set(0, "KHONGCO")),
                Arguments.of("unknown recipient", "recipients[0]",
                        (Consumer<ObjectNode>) d -> d.withArray("recipients").set(0, "SOKHONGCO")),
                Arguments.of("empty items", "items", (Consumer<ObjectNode>) d -> d.putArray("items")),
                Arguments.of("deadline before issue date", "items[2].deadline", (Consumer<ObjectNode>) d -> {
                    ObjectNode item = (ObjectNode) d.withArray("items").get(2);
                    item.remove("deadlineWorkingDays");
                    item.put("deadline", "2020-01-01");
                }),
                Arguments.of("two deadline forms", "items[2].deadline",
                        (Consumer<ObjectNode>) d -> ((ObjectNode) d.withArray("items").get(2)).put("deadline", "2099-01-01")),
                Arguments.of("malformed date", "items[2].deadline",
                        (Consumer<ObjectNode>) d -> ((ObjectNode) d.withArray("items").get(2)).put("deadline", "31/12/2026")),
                Arguments.of("unknown document type", "type", (Consumer<ObjectNode>) d -> d.put("type", "BAO_CAO")),
                Arguments.of("negative working days", "items[2].deadlineWorkingDays",
                        (Consumer<ObjectNode>) d -> ((ObjectNode) d.withArray("items").get(2)).put("deadlineWorkingDays", -5)),
                Arguments.of("missing signer name", "signer.name",
                        (Consumer<ObjectNode>) d -> ((ObjectNode) d.get("signer")).remove("name")),
                Arguments.of("unknown field", "prioriti", (Consumer<ObjectNode>) d -> d.put("prioriti", "cao")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsRejectedNamingTheFieldAndWritesNothing(String description, String field, Consumer<ObjectNode> breakIt)
            throws Exception {
        ObjectNode body = (ObjectNode) mapper.readTree(DirectiveFixtures.seedJson());
        breakIt.accept(body);
        assertRejected(mapper.writeValueAsString(body), field);
    }

    @Test
    void malformedJsonIsRejectedAndWritesNothing() {
        assertRejected("{\"type\": \"CONG_VAN\", \"subject\": ", "body");
    }

    @Test
    void onlyCoordinatorsMaySubmitAndAnonymousCallersAreRefused() {
        Map<String, Long> before = counts();
        ResponseEntity<JsonNode> asAgency = as("cbsngv").postForEntity("/api/directives", json(DirectiveFixtures.seedJson()), JsonNode.class);
        assertThat(asAgency.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> anonymous = rest.postForEntity("/api/directives", json(DirectiveFixtures.seedJson()), String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // Not a demo user: Camunda delays a user's next login after a wrong password, which would
        // make the following tests' requests fail.
        ResponseEntity<String> wrongPassword = rest.withBasicAuth("khongtontai", "sai")
                .postForEntity("/api/directives", json(DirectiveFixtures.seedJson()), String.class);
        assertThat(wrongPassword.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void unknownDirectiveIsNotFound() {
        ResponseEntity<JsonNode> response = as("dieuphoi").getForEntity("/api/directives/987654", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    private void assertRejected(String body, String field) {
        Map<String, Long> before = counts();
        ResponseEntity<JsonNode> response = as("dieuphoi").postForEntity("/api/directives", json(body), JsonNode.class);
        assertThat(response.getStatusCode()).as(String.valueOf(response)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody().get("errors").findValuesAsText("field")).contains(field);
        assertThat(response.getBody().get("errors").findValuesAsText("message")).allSatisfy(m -> assertThat(m).isNotBlank());
        assertThat(counts()).isEqualTo(before);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        TABLES.forEach(table -> counts.put(table, count(table)));
        return counts;
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
