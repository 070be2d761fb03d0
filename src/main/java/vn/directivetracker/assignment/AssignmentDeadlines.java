package vn.directivetracker.assignment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.springframework.stereotype.Component;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.directive.DirectiveRepository;

/**
 * The due dates of the follow-up timers of {@code agency-assignment}, read by their {@code timeDate}
 * expressions ({@code ${assignmentDeadlines.dueSoonAt(assignmentId)}}). Each is computed from our
 * tables when the timer is created, so a changed deadline takes effect as soon as the watch restarts
 * ({@link DeadlineChanges#restartWatch}) — no old timer survives.
 */
@Component("assignmentDeadlines")
public class AssignmentDeadlines {

    private final AssignmentRepository assignments;
    private final AssignmentOfProcess assignmentOf;
    private final DirectiveRepository directives;
    private final WorkingDayCalendar calendar;
    private final DeadlineSettings settings;
    private final Clocks clocks;

    public AssignmentDeadlines(AssignmentRepository assignments, DirectiveRepository directives, WorkingDayCalendar calendar,
            DeadlineSettings settings, Clocks clocks, AssignmentOfProcess assignmentOf) {
        this.assignmentOf = assignmentOf;
        this.assignments = assignments;
        this.directives = directives;
        this.calendar = calendar;
        this.settings = settings;
        this.clocks = clocks;
    }

    /**
     * N working days after the assignment reached the agency, or the watch's next date if that comes
     * first. Since ADR 32 the acknowledgement reminder is the first timer of the watch, which holds one
     * timer at a time: the due-soon (or period-end) timer is created only after it fires, so it must not
     * fire after the date that timer would have. With a deadline a few days off, the reminder to
     * acknowledge therefore goes out on the due-soon date, just before the due-soon reminder.
     */
    public Date acknowledgeReminderAt(Object assignmentId) {
        Assignment a = assignment(assignmentId);
        Date reminder = at(calendar.addWorkingDays(a.createdAt().toLocalDate(), settings.acknowledgeReminderDays()));
        Date next = a.deadline() != null ? dueSoonOf(a) : hasPeriodEnd(a) ? periodEndOf(a) : null;
        return next != null && next.before(reminder) ? next : reminder;
    }

    /** N working days before the deadline ("sắp đến hạn"). */
    public Date dueSoonAt(Object assignmentId) {
        return dueSoonOf(assignment(assignmentId));
    }

    private Date dueSoonOf(Assignment a) {
        return at(calendar.subtractWorkingDays(deadlineOf(a), settings.dueSoonDays()));
    }

    /** The first working day after the deadline: from then on the work is overdue ("quá hạn"). */
    public Date overdueAt(Object assignmentId) {
        return at(calendar.addWorkingDays(deadline(assignmentId), 1));
    }

    /**
     * N working days after the deadline, or after the last formal reminder if one was sent since: a
     * reminder restarts the escalation clock.
     */
    public Date escalationAt(Object assignmentId) {
        Assignment a = assignment(assignmentId);
        LocalDate from = a.deadline();
        if (a.lastFormalReminderAt() != null && a.lastFormalReminderAt().toLocalDate().isAfter(from)) {
            from = a.lastFormalReminderAt().toLocalDate();
        }
        return at(calendar.addWorkingDays(from, settings.escalationDays()));
    }

    /**
     * Due date of the agency's own tasks: the end of the deadline day, so that Tasklist shows how
     * long is left and its due-date filters work. None for ongoing work.
     */
    public Date taskDueDate(Object assignmentId) {
        LocalDate deadline = assignment(assignmentId).deadline();
        return deadline == null ? null : toDate(deadline.atTime(23, 59));
    }

    /** The day after the directive's period ends: ongoing work closes then. */
    public Date periodEndAt(Object assignmentId) {
        return periodEndOf(assignment(assignmentId));
    }

    private Date periodEndOf(Assignment a) {
        LocalDate periodEnd = directives.find(a.directiveId()).orElseThrow().periodEnd();
        return toDate(periodEnd.plusDays(1).atStartOfDay());
    }

    private boolean hasPeriodEnd(Assignment a) {
        return directives.find(a.directiveId()).orElseThrow().periodEnd() != null;
    }

    private LocalDate deadline(Object assignmentId) {
        return deadlineOf(assignment(assignmentId));
    }

    private static LocalDate deadlineOf(Assignment a) {
        if (a.deadline() == null) {
            throw new IllegalStateException("Nhiệm vụ " + a.id() + " không có thời hạn");
        }
        return a.deadline();
    }

    /**
     * BPMN passes the execution: the assignment is the one bound to its process instance, not
     * whatever a variable says. Java callers pass the id.
     */
    private Assignment assignment(Object ref) {
        if (ref instanceof org.camunda.bpm.engine.delegate.DelegateExecution execution) {
            return assignmentOf.of(execution);
        }
        return assignments.get(((Number) ref).longValue());
    }

    private Date at(LocalDate day) {
        return toDate(day.atTime(settings.notifyAt()));
    }

    private Date toDate(LocalDateTime time) {
        return Date.from(time.atZone(clocks.zone()).toInstant());
    }
}
