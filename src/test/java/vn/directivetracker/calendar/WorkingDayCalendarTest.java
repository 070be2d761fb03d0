package vn.directivetracker.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
    void deadlineOnADayOffMovesToTheNextWorkingDay() {
        // Sunday 6/12/2026 → Monday 7/12/2026 (Bộ luật Dân sự 2015, Điều 148).
        assertThat(calendar.onOrNextWorkingDay(LocalDate.of(2026, 12, 6))).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(calendar.onOrNextWorkingDay(LocalDate.of(2026, 12, 7))).isEqualTo(LocalDate.of(2026, 12, 7));
    }

    @Test
    void holidayOnAWeekendGivesItsCompensatoryDay() {
        // Giỗ Tổ Hùng Vương 2026 falls on Sunday 26/4; Monday 27/4 is off in compensation, 30/4 and 1/5 too.
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 27))).isFalse();
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 4, 24), 1)).isEqualTo(LocalDate.of(2026, 4, 28));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 4, 29), 1)).isEqualTo(LocalDate.of(2026, 5, 4));
    }

    @Test
    void countsAcrossTheYearBoundaryAndBackwards() {
        // Thursday 31/12/2026 + 1: 1/1/2027 is a holiday, then a weekend → Monday 4/1/2027.
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(calendar.subtractWorkingDays(LocalDate.of(2027, 1, 4), 1)).isEqualTo(LocalDate.of(2026, 12, 31));
        // 3 working days before Monday 23/2/2026 jumps back over Tết to Wednesday 11/2/2026.
        assertThat(calendar.subtractWorkingDays(LocalDate.of(2026, 2, 23), 3)).isEqualTo(LocalDate.of(2026, 2, 11));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 23))).isEqualTo(1);
    }

    @Test
    void administratorEditsTheCalendarWithoutRedeploy() {
        LocalDate day = LocalDate.of(2027, 9, 7); // a Tuesday, a working day
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var body = new HttpEntity<>("{\"type\":\"OFF\",\"name\":\"Nghỉ Quốc khánh (bổ sung)\"}", headers);
        assertThat(as("cbsngv").exchange("/api/calendar/holidays/" + day, HttpMethod.PUT, body, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("admin", "demo").exchange("/api/calendar/holidays/" + day, HttpMethod.PUT, body,
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(calendar.isWorkingDay(day)).isFalse();
        assertThat(rest.withBasicAuth("admin", "demo").exchange("/api/calendar/holidays/" + day, HttpMethod.DELETE, null,
                Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(calendar.isWorkingDay(day)).isTrue();
    }

    @Test
    void holidayFileWithABadLineIsRejectedWholeAndChangesNothing() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
        long before = count("holiday");
        String csv = "date;type;name\n2028-01-01;OFF;Tết Dương lịch\n2028-13-01;OFF;Sai ngày\n2028-02-01;NGHI;Sai loại\n";
        ResponseEntity<JsonNode> response = rest.withBasicAuth("admin", "demo")
                .postForEntity("/api/calendar/holidays/import", new HttpEntity<>(csv, headers), JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly("csv:3", "csv:4");
        assertThat(count("holiday")).isEqualTo(before);

        ResponseEntity<JsonNode> ok = rest.withBasicAuth("admin", "demo").postForEntity("/api/calendar/holidays/import",
                new HttpEntity<>("2028-01-03;OFF;Nghỉ bù\n", headers), JsonNode.class);
        assertThat(ok.getBody().get("imported").asInt()).isEqualTo(1);
        assertThat(calendar.isWorkingDay(LocalDate.of(2028, 1, 3))).isFalse(); // a Monday
    }

    @Test
    void tet2027FollowsThe2020PrecedentAndTheWholeYearIsProvisional() {
        JsonNode year = as("cbsngv").getForObject("/api/calendar/holidays?year=2027", JsonNode.class);
        assertThat(year).isNotEmpty().allSatisfy(day -> {
            assertThat(day.get("provisional").asBoolean()).as(day.toString()).isTrue();
            assertThat(day.get("status").asText()).isEqualTo("dự kiến");
        });
        // Mùng 1 Đinh Mùi is Saturday 6/2/2027; as in 2020 (mùng 1 on Saturday 25/1) the break runs Thursday to Wednesday.
        java.util.List<String> tet = new java.util.ArrayList<>();
        year.forEach(day -> {
            if (day.get("date").asText().startsWith("2027-02")) {
                tet.add(day.get("date").asText());
            }
        });
        assertThat(tet).containsExactly("2027-02-04", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09",
                "2027-02-10");
        assertThat(LocalDate.of(2027, 2, 4).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.THURSDAY);
        assertThat(calendar.addWorkingDays(LocalDate.of(2027, 2, 3), 1)).isEqualTo(LocalDate.of(2027, 2, 11));
        // An announced year is not provisional.
        JsonNode y2026 = as("cbsngv").getForObject("/api/calendar/holidays?year=2026", JsonNode.class);
        assertThat(y2026).isNotEmpty().allSatisfy(day -> assertThat(day.get("status").asText()).isEqualTo("chính thức"));
    }

    @Test
    void aHolidayFileMarksProvisionalDaysAndRejectsAnUnknownStatus() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
        long before = count("holiday");
        ResponseEntity<JsonNode> bad = rest.withBasicAuth("admin", "demo").postForEntity("/api/calendar/holidays/import",
                new HttpEntity<>("date;type;name;status\n2029-01-01;OFF;Tết Dương lịch;chắc chắn\n", headers), JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("errors").findValuesAsText("field")).containsExactly("csv:2");
        assertThat(count("holiday")).isEqualTo(before);

        ResponseEntity<JsonNode> ok = rest.withBasicAuth("admin", "demo").postForEntity("/api/calendar/holidays/import",
                new HttpEntity<>("date;type;name;status\n2029-01-01;OFF;Tết Dương lịch;dự kiến\n2029-01-02;OFF;Nghỉ thử;\n", headers),
                JsonNode.class);
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode y2029 = as("cbsngv").getForObject("/api/calendar/holidays?year=2029", JsonNode.class);
        assertThat(y2029.findValuesAsText("status")).containsExactly("dự kiến", "chính thức");
    }

    /**
     * The count is arithmetic plus a correction per announced day (issue 11): it must equal walking
     * the days one by one with {@link WorkingDayCalendar#isWorkingDay}, for ranges that start and end
     * on every weekday, on holidays, on make-up Saturdays, across Tết and the year boundaries, and
     * for a span read once as the dashboard reads it.
     */
    @Test
    void countingWorkingDaysEqualsWalkingTheDays() {
        LocalDate first = LocalDate.of(2025, 12, 1);
        LocalDate last = LocalDate.of(2027, 1, 31);
        java.util.List<LocalDate> days = first.datesUntil(last.plusDays(1)).toList();
        java.util.Map<LocalDate, Boolean> working = new java.util.HashMap<>();
        days.forEach(d -> working.put(d, calendar.isWorkingDay(d)));
        assertThat(working.values()).contains(false); // the calendar's holidays are loaded
        WorkingDayCalendar.Span span = calendar.span(first, last);
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 400; i++) {
            LocalDate from = days.get(random.nextInt(days.size()));
            LocalDate to = i % 4 == 0 ? from.plusDays(random.nextInt(15)) : days.get(random.nextInt(days.size()));
            to = to.isAfter(last) ? last : to;
            int walked = 0;
            for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
                walked += working.get(d) ? 1 : 0;
            }
            assertThat(span.workingDaysBetween(from, to)).as("%s..%s", from, to).isEqualTo(walked);
            assertThat(calendar.workingDaysBetween(from, to)).as("%s..%s", from, to).isEqualTo(walked);
        }
        // Friday 13/2/2026 → Monday 23/2/2026 over Tết; Friday 9/1 → Saturday 10/1/2026, a make-up workday.
        assertThat(span.workingDaysBetween(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 23))).isEqualTo(1);
        assertThat(span.workingDaysBetween(LocalDate.of(2026, 1, 9), LocalDate.of(2026, 1, 10))).isEqualTo(1);
        assertThat(span.workingDaysBetween(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 9))).isZero();
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
