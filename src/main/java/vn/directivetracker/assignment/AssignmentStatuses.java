package vn.directivetracker.assignment;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.directivetracker.calendar.WorkingDayCalendar;

/** The bucket of an assignment at a reference date, plus the "sắp đến hạn" flag, which needs the calendar. */
@Component
public class AssignmentStatuses {

    private final WorkingDayCalendar calendar;
    private final DeadlineSettings settings;

    public AssignmentStatuses(WorkingDayCalendar calendar, DeadlineSettings settings) {
        this.calendar = calendar;
        this.settings = settings;
    }

    public record Status(StatusBucket bucket, boolean dueSoon) {}

    public Status of(Assignment assignment, LocalDate asOf) {
        StatusBucket bucket = assignment.statusAsOf(asOf);
        boolean dueSoon = bucket == StatusBucket.IN_PROGRESS_ON_TIME
                && calendar.workingDaysBetween(asOf, assignment.deadline()) <= settings.dueSoonDays();
        return new Status(bucket, dueSoon);
    }
}
