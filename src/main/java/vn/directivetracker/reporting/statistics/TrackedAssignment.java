package vn.directivetracker.reporting.statistics;

import java.time.LocalDate;
import vn.directivetracker.agency.AgencyKind;
import vn.directivetracker.assignment.Assignment;

/** An assignment with what statistics and the dashboard show beside it: its agency, directive and item. */
public record TrackedAssignment(
        Assignment assignment,
        String agencyName,
        String agencyShortName,
        AgencyKind agencyKind,
        String directiveNumber,
        String directiveSubject,
        String itemLabel) {

    public LocalDate deadline() {
        return assignment.deadline();
    }
}
