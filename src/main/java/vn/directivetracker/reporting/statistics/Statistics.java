package vn.directivetracker.reporting.statistics;

import java.time.LocalDate;
import java.util.List;
import vn.directivetracker.reporting.ReportingPeriod;

/** The statistics leaders read: per agency in the status buckets (docs/adr/0005-status-buckets-computed-not-stored.md), and the totals. */
public record Statistics(
        LocalDate asOf,
        ReportingPeriod period,
        Long directiveId,
        List<AgencyStatistics> agencies,
        AgencyStatistics totals) {}
