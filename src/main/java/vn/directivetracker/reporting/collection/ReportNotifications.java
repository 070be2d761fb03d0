package vn.directivetracker.reporting.collection;

import org.springframework.stereotype.Component;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Reminders and overdue notices about periodic reports: written to the mail outbox in the timer
 * job's transaction, like every other email (ADR 7).
 */
@Component
public class ReportNotifications {

    public enum Event {
        REPORT_DUE_SOON,
        REPORT_OVERDUE
    }

    private final ReportPeriodRepository periods;
    private final ApplicationEventPublisher events;

    public ReportNotifications(ReportPeriodRepository periods, ApplicationEventPublisher events) {
        this.periods = periods;
        this.events = events;
    }

    /** To the agency's staff, and for an overdue report to its head as well. */
    public void send(Event event, long reportPeriodId, String agencyCode) {
        ReportPeriod period = periods.get(reportPeriodId);
        events.publishEvent(new ReportReminder(event == Event.REPORT_OVERDUE, period.directiveId(), agencyCode,
                String.valueOf(reportPeriodId), period.label(), period.cutOff(), period.deadline()));
    }
}
