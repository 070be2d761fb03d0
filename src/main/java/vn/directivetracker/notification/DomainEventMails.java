package vn.directivetracker.notification;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.directivetracker.assignment.AssignmentEvents;
import vn.directivetracker.directive.DirectiveEvents;
import vn.directivetracker.reporting.collection.ReportReminder;

/**
 * Turns the domain packages' events into emails. Deliberately a plain, synchronous
 * {@code @EventListener} and not {@code @TransactionalEventListener(AFTER_COMMIT)}: the outbox row must
 * be written in the publishing step's transaction, so that it commits or rolls back with the step
 * (docs/adr/0007-mail-outbox.md, docs/adr/0010-dependency-direction-and-domain-events.md).
 */
@Component
class DomainEventMails {

    private final NotificationService notifications;

    DomainEventMails(NotificationService notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(DirectiveEvents.Issued e) {
        notifications.directiveIssued(e.directiveId());
    }

    @EventListener
    void on(DirectiveEvents.Revoked e) {
        notifications.directiveRevoked(e.directiveId(), e.reason());
    }

    @EventListener
    void on(AssignmentEvents.Received e) {
        notifications.assignmentReceived(e.assignmentId());
    }

    @EventListener
    void on(AssignmentEvents.HeadReturned e) {
        notifications.headReturned(e.assignmentId(), e.comment(), e.taskId());
    }

    @EventListener
    void on(AssignmentEvents.ResultAccepted e) {
        notifications.resultAccepted(e.assignmentId());
    }

    @EventListener
    void on(AssignmentEvents.ResultReturned e) {
        notifications.resultReturned(e.assignmentId(), e.reason(), e.taskId());
    }

    @EventListener
    void on(AssignmentEvents.AcknowledgementDue e) {
        notifications.acknowledgementReminder(e.assignmentId());
    }

    @EventListener
    void on(AssignmentEvents.DueSoon e) {
        notifications.dueSoonReminder(e.assignmentId());
    }

    @EventListener
    void on(AssignmentEvents.Overdue e) {
        notifications.overdueNotice(e.assignmentId());
    }

    @EventListener
    void on(AssignmentEvents.EscalatedToLeader e) {
        notifications.escalationToLeader(e.assignmentId(), e.leaderTaskId());
    }

    @EventListener
    void on(AssignmentEvents.ExtensionDecided e) {
        notifications.extensionDecided(e.assignmentId(), e.decisionId(), e.granted(), e.newDeadline(), e.comment());
    }

    @EventListener
    void on(AssignmentEvents.Notice e) {
        notifications.assignmentNotice(e.occurrence(), e.assignmentId(), e.toHead(), e.headline(), e.message());
    }

    @EventListener
    void on(ReportReminder e) {
        notifications.periodicReportReminder(e.overdue(), e.directiveId(), e.agencyCode(), e.periodKey(),
                e.periodLabel(), e.cutOff(), e.deadline());
    }
}
