package vn.directivetracker.reporting.collection;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.reporting.ReportingPeriod;

/**
 * When an agency's periodic report is due: {@code submission-working-days} working days after the
 * cut-off (the cut-off day itself not counted, so always at least one working day after it, as
 * Nghị định 09/2019 requires), skipping weekends, holidays and Tết by the working-day calendar.
 */
@Component
public class SubmissionDeadlines {

    private final WorkingDayCalendar calendar;
    private final ReportingSettings settings;

    public SubmissionDeadlines(WorkingDayCalendar calendar, ReportingSettings settings) {
        this.calendar = calendar;
        this.settings = settings;
    }

    public LocalDate deadline(ReportingPeriod period) {
        return calendar.addWorkingDays(period.cutOff(), settings.submissionWorkingDays());
    }

    /** The last day a late report is accepted before collection closes. */
    public LocalDate closesOn(LocalDate deadline) {
        return calendar.addWorkingDays(deadline, settings.graceWorkingDays());
    }

    /** The first working day after {@code day}: when a deadline has passed, or collection has closed. */
    public LocalDate dayAfter(LocalDate day) {
        return calendar.addWorkingDays(day, 1);
    }

    /** The day the "sắp đến hạn" reminder goes out. */
    public LocalDate reminderDay(LocalDate deadline) {
        return calendar.subtractWorkingDays(deadline, settings.reminderWorkingDays());
    }
}
