package vn.directivetracker.reporting.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.directivetracker.reporting.ReportingFixtures.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.directive.ReportSchedule;
import vn.directivetracker.support.IntegrationTest;
import vn.directivetracker.reporting.collection.ReportPeriodOpener;

/** The agency's iCalendar feed: its open deadlines and the reports it still owes, nobody else's. */
class AgencyCalendarFeedTest extends IntegrationTest {

    @Autowired ReportPeriodOpener opener;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        deleteAllProcessInstances();
    }

    /** RFC 5545 unfolding: a CRLF followed by a space continues the previous line. */
    private static List<String> unfolded(String ics) {
        return Arrays.asList(ics.replace("\r\n ", "").split("\r\n"));
    }

    /** The lines of the events whose description names the directive (escaped as RFC 5545 TEXT). */
    private static List<String> eventsOf(String ics, String subject) {
        String escaped = AgencyCalendarFeed.text(subject);
        List<String> kept = new java.util.ArrayList<>();
        List<String> event = new java.util.ArrayList<>();
        for (String line : unfolded(ics)) {
            if (line.equals("BEGIN:VEVENT")) {
                event.clear();
            }
            event.add(line);
            if (line.equals("END:VEVENT") && event.stream().anyMatch(l -> l.startsWith("DESCRIPTION:") && l.contains(escaped))) {
                kept.addAll(event);
            }
        }
        return kept;
    }

    @Test
    void deadlinesAndOwedReportsOfOneAgency() {
        deleteAllProcessInstances();
        clockAt(LocalDateTime.of(2026, 11, 30, 9, 0));
        String subject = "Lịch thời hạn; kiểm tra, thoát ký tự " + System.nanoTime();
        long id = submitAndIssue(directive(subject,
                due("1", LocalDate.of(2026, 12, 18), "SNGV", "STC"),
                ongoing("2", ReportSchedule.QUARTERLY, "SNGV")));
        String number = directiveService.get(id).number();
        clockAt(LocalDateTime.of(2026, 12, 14, 9, 0));
        opener.openDuePeriods(LocalDate.of(2026, 12, 14));
        executeJobs();

        ResponseEntity<String> response = as("cbsngv").getForEntity("/api/agencies/SNGV/calendar.ics", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/calendar");
        String ics = response.getBody();
        for (String physical : ics.split("\r\n")) {
            assertThat(physical.getBytes(StandardCharsets.UTF_8).length).as(physical).isLessThanOrEqualTo(75);
        }
        assertThat(unfolded(ics).get(0)).isEqualTo("BEGIN:VCALENDAR");
        // Other tests share the database: look at this directive's events only.
        List<String> lines = eventsOf(ics, subject);
        assertThat(lines).contains(
                "DTSTART;VALUE=DATE:20261218",
                "SUMMARY:Hạn nhiệm vụ: " + number.replace(",", "\\,") + "\\, mục 1",
                "DTSTART;VALUE=DATE:20261217",
                "SUMMARY:Hạn nộp báo cáo: Quý IV năm 2026 – " + number);
        assertThat(lines.stream().filter("BEGIN:VEVENT"::equals)).hasSize(2);

        // Sở Tài chính owes no report on this directive: its feed has its deadline only.
        List<String> stc = eventsOf(as("cbstc").getForObject("/api/agencies/STC/calendar.ics", String.class), subject);
        assertThat(stc.stream().filter("BEGIN:VEVENT"::equals)).hasSize(1);
        assertThat(stc).noneMatch(l -> l.startsWith("SUMMARY:Hạn nộp báo cáo"));

        assertThat(as("cbstc").getForEntity("/api/agencies/SNGV/calendar.ics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("dieuphoi").getForEntity("/api/agencies/SNGV/calendar.ics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(as("dieuphoi").getForEntity("/api/agencies/NOPE/calendar.ics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
