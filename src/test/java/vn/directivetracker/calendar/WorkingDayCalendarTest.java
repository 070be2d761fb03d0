package vn.directivetracker.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.support.IntegrationTest;

/** Working days with the shipped 2026 calendar (the full calendar rules are deepened in a later issue). */
class WorkingDayCalendarTest extends IntegrationTest {

    @Autowired WorkingDayCalendar calendar;

    @Test
    void newYear2026SwapIsRespected() {
        // 31/12/2025 (Wed) + 1: 1–4/1 are off, Monday 5/1 is the first working day.
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 12, 31), 1)).isEqualTo(LocalDate.of(2026, 1, 5));
        // Saturday 10/1/2026 is worked in exchange.
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 10))).isTrue();
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 1, 9), 1)).isEqualTo(LocalDate.of(2026, 1, 10));
    }

    @Test
    void tet2026IsSkipped() {
        // Friday 13/2/2026 + 1: Tết runs 14/2–22/2, so Monday 23/2.
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 23));
    }

    @Test
    void firstDayIsNotCountedAndWeekendsAreSkipped() {
        // Friday 6/11/2026 + 1 = Monday 9/11/2026; + 5 = Friday 13/11/2026.
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 6), 1)).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 6), 5)).isEqualTo(LocalDate.of(2026, 11, 13));
        // A period of 0 days starting on a Sunday ends on the next working day.
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 8), 0)).isEqualTo(LocalDate.of(2026, 11, 9));
    }

    @Test
    void endpointAnswersAndRejectsBadInput() {
        JsonNode ok = as("cbsngv").getForObject("/api/calendar/add-working-days?from=2026-02-13&days=1", JsonNode.class);
        assertThat(ok.get("date").asText()).isEqualTo("2026-02-23");
        ResponseEntity<JsonNode> negative = as("cbsngv").getForEntity("/api/calendar/add-working-days?from=2026-02-13&days=-1", JsonNode.class);
        assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(negative.getBody().get("errors").findValuesAsText("field")).contains("days");
        ResponseEntity<JsonNode> malformed = as("cbsngv").getForEntity("/api/calendar/add-working-days?from=13-02-2026&days=1", JsonNode.class);
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(malformed.getBody().get("errors").findValuesAsText("field")).contains("from");
    }
}
