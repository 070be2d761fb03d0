package vn.directivetracker.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * An administrator adds, then removes, a day off: the waiting reminder timers of open assignments
 * move with the calendar, the deadline does not. Dates in 2028, a year no other test uses.
 */
class WatchReplanOnHolidayChangeTest extends IntegrationTest {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate ADDED_OFF_1 = LocalDate.of(2028, 3, 7);
    private static final LocalDate ADDED_OFF_2 = LocalDate.of(2028, 3, 30);

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        jdbc.sql("delete from holiday where holiday_date in (?, ?)").params(ADDED_OFF_1, ADDED_OFF_2).update();
        deleteAllProcessInstances();
    }

    @Test
    void timersFollowTheCalendarAndTheDeadlineStays() {
        // Monday 6/3/2028: Sở Ngoại vụ gets work due Friday 31/3/2028.
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2028, 3, 6, 9, 0).atZone(VN).toInstant()));
        long id = submitAndIssue(DirectiveFixtures.withDeadline("Lịch nghỉ thay đổi " + System.nanoTime(), List.of("SNGV"),
                LocalDate.of(2028, 3, 31)));
        String pi = directiveService.get(id).executionProcessInstanceId();
        String child = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi).singleResult().getId();
        // The watch's first timer (ADR 32), the acknowledgement reminder: 2 working days after 6/3 → Wed 8/3.
        assertThat(timer(child, AgencyAssignmentProcess.Elements.ACKNOWLEDGE_OVERDUE)).isEqualTo(at(2028, 3, 8));

        // Tuesday 7/3 becomes a day off: the reminder moves to Thursday 9/3.
        assertThat(putHoliday(ADDED_OFF_1).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(timer(child, AgencyAssignmentProcess.Elements.ACKNOWLEDGE_OVERDUE)).isEqualTo(at(2028, 3, 9));

        // The day off is withdrawn again: the reminder moves back.
        ResponseEntity<Void> deleted = as("admin").exchange("/api/calendar/holidays/" + ADDED_OFF_1, HttpMethod.DELETE, null, Void.class);
        assertThat(deleted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(timer(child, AgencyAssignmentProcess.Elements.ACKNOWLEDGE_OVERDUE)).isEqualTo(at(2028, 3, 8));

        // Someone who may not edit the calendar moves nothing.
        assertThat(as("dieuphoi").exchange("/api/calendar/holidays/" + ADDED_OFF_1, HttpMethod.PUT, holiday(), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(timer(child, AgencyAssignmentProcess.Elements.ACKNOWLEDGE_OVERDUE)).isEqualTo(at(2028, 3, 8));

        // Wednesday 8/3: the reminder fires and the ladder starts: due soon 3 working days before 31/3 → Tue 28/3.
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2028, 3, 8, 8, 1).atZone(VN).toInstant()));
        executeJobs();
        assertThat(timer(child, AgencyAssignmentProcess.Elements.DUE_SOON)).isEqualTo(at(2028, 3, 28));

        // Thursday 30/3 becomes a day off: "due soon" moves to Monday 27/3.
        assertThat(putHoliday(ADDED_OFF_2).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(timer(child, AgencyAssignmentProcess.Elements.DUE_SOON)).isEqualTo(at(2028, 3, 27));
        // The deadline is a decision, not a count: it stays, in our table and on the agency's task.
        assertThat(deadline(id)).isEqualTo(LocalDate.of(2028, 3, 31));
        assertThat(taskService.createTaskQuery().processInstanceId(child).singleResult().getDueDate())
                .isEqualTo(Date.from(LocalDate.of(2028, 3, 31).atTime(23, 59).atZone(VN).toInstant()));
    }

    private ResponseEntity<String> putHoliday(LocalDate date) {
        return as("admin").exchange("/api/calendar/holidays/" + date, HttpMethod.PUT, holiday(), String.class);
    }

    private static HttpEntity<String> holiday() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>("{\"type\":\"OFF\",\"name\":\"Nghỉ đột xuất (thử)\"}", headers);
    }

    private Date timer(String processInstanceId, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId).timers().activityId(activityId)
                .singleResult();
        assertThat(job).as(activityId).isNotNull();
        return job.getDuedate();
    }

    private LocalDate deadline(long directiveId) {
        return jdbc.sql("select deadline from assignment where directive_id = ?").param(directiveId).query(LocalDate.class).single();
    }

    private static Date at(int year, int month, int day) {
        return Date.from(LocalDate.of(year, month, day).atTime(8, 0).atZone(VN).toInstant());
    }
}
