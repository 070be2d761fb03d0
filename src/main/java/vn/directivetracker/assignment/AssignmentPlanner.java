package vn.directivetracker.assignment;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.directive.DirectiveItem;
import vn.directivetracker.directive.ResponsibleRole;

/**
 * Turns the items of an issued directive into one assignment per item and responsible agency,
 * expanding sets ("UBND các xã, phường") to their current members. Idempotent: run it again after a
 * crash and it adds only what is missing.
 */
@Service
public class AssignmentPlanner {

    private final AgencyRegistry registry;
    private final AssignmentRepository assignments;
    private final WorkingDayCalendar calendar;
    private final Clocks clocks;

    public AssignmentPlanner(AgencyRegistry registry, AssignmentRepository assignments, WorkingDayCalendar calendar, Clocks clocks) {
        this.registry = registry;
        this.assignments = assignments;
        this.calendar = calendar;
        this.clocks = clocks;
    }

    /** @return how many assignments were created now */
    public int plan(long directiveId, List<DirectiveItem> items, LocalDate issueDate) {
        int created = 0;
        for (DirectiveItem item : items) {
            LocalDate deadline = deadlineOf(item, issueDate);
            // Leads first: an agency named both lead and coordinating (directly or through a set) leads.
            for (ResponsibleRole role : List.of(ResponsibleRole.LEAD, ResponsibleRole.COORDINATING)) {
                for (DirectiveItem.Responsible responsible : item.responsible()) {
                    if (responsible.role() != role) {
                        continue;
                    }
                    for (String agency : registry.expand(responsible.code())) {
                        if (assignments.insertIfAbsent(directiveId, item.id(), agency, role, deadline, clocks.now())) {
                            created++;
                        }
                    }
                }
            }
        }
        return created;
    }

    private LocalDate deadlineOf(DirectiveItem item, LocalDate issueDate) {
        if (item.ongoing()) {
            return null;
        }
        if (item.deadlineWorkingDays() != null) {
            return calendar.addWorkingDays(issueDate, item.deadlineWorkingDays());
        }
        // A date that falls on a day off moves to the next working day (Bộ luật Dân sự 2015, Điều 148).
        return calendar.onOrNextWorkingDay(item.deadline());
    }
}
