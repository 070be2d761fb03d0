package vn.directivetracker.reporting.collection;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One directive's report collection for one period (table {@code report_period}).
 *
 * @param periodCode  a Nghị định 09 period code ({@code 2026-Q1}) or {@code AH-<cut-off>} for an ad-hoc request
 * @param schedule    null for an ad-hoc request
 * @param closesOn    the last day a late report is still accepted; collection closes the morning after
 */
public record ReportPeriod(
        long id,
        long directiveId,
        String periodCode,
        String schedule,
        String label,
        LocalDate start,
        LocalDate cutOff,
        LocalDate deadline,
        LocalDate closesOn,
        ReportPeriodStatus status,
        String requestedBy,
        String processInstanceId,
        LocalDateTime createdAt,
        LocalDateTime collectedAt,
        LocalDateTime consolidatedAt) {}
