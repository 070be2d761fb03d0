package vn.directivetracker.assignment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
        List<AssignmentRepository.Planned> created = new ArrayList<>();
        for (DirectiveItem item : items) {
            LocalDate deadline = deadlineOf(item, issueDate);
            // Leads first: an agency named both lead and coordinating (directly or through a set) leads.
            // One read of the item's existing assignments and one expansion per role, not two queries
            // per agency (issue 11, ADR 28): a letter to every agency plans ~150 at once.
            Set<String> planned = new HashSet<>(assignments.agenciesOfItem(item.id()));
            for (ResponsibleRole role : List.of(ResponsibleRole.LEAD, ResponsibleRole.COORDINATING)) {
                List<String> codes = item.responsible().stream().filter(r -> r.role() == role)
                        .map(DirectiveItem.Responsible::code).toList();
                for (String agency : codes.isEmpty() ? List.<String>of() : registry.expand(codes)) {
                    if (planned.add(agency)) {
                        created.add(new AssignmentRepository.Planned(item.id(), agency, role, deadline));
                    }
                }
            }
        }
        // One batch for the letter (ADR 30); the items' existing assignments were read above, and the
        // unique (item, agency) key refuses a concurrent duplicate, failing the whole step as before.
        assignments.insertAll(directiveId, created, clocks.now());
        return created.size();
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
