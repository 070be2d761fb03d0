package vn.directivetracker.reporting.statistics;

import java.time.LocalDate;
import java.util.Set;
import vn.directivetracker.agency.AgencyKind;

/**
 * What to count. Only assignments that existed on {@code asOf} count: a directive issued later has
 * no place in last quarter's figures.
 *
 * @param visibleAgencies  the agencies the caller may see; {@code null} for everyone (coordinators, leaders)
 */
public record StatisticsFilter(
        Long directiveId,
        String agency,
        AgencyKind agencyKind,
        Set<String> visibleAgencies,
        LocalDate asOf) {}
