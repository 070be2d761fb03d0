package vn.directivetracker.reporting.collection;

import java.time.LocalDateTime;

/** One agency's report for one period (table {@code report_submission}). */
public record ReportSubmission(
        long id,
        long reportPeriodId,
        String agencyCode,
        String agencyName,
        SubmissionStatus status,
        String reportText,
        String figures,
        String preparedBy,
        String approvedBy,
        LocalDateTime submittedAt) {

    public enum SubmissionStatus {
        PENDING,
        SUBMITTED,
        MISSING
    }
}
