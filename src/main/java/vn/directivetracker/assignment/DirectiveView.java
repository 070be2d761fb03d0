package vn.directivetracker.assignment;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import vn.directivetracker.directive.DirectiveItem;
import vn.directivetracker.directive.DirectiveStatus;
import vn.directivetracker.directive.DocumentType;
import vn.directivetracker.directive.ReportSchedule;
import vn.directivetracker.directive.ResponsibleRole;
import vn.directivetracker.directive.Urgency;

/** {@code GET /api/directives/{id}}: the document, its items, and every assignment with its status today. */
public record DirectiveView(
        long id,
        DocumentType type,
        String number,
        String subject,
        String legalBasis,
        String place,
        Urgency urgency,
        Signer signer,
        List<String> recipients,
        List<String> copyTo,
        String archiveCodes,
        LocalDate issueDate,
        LocalDate periodEnd,
        DirectiveStatus status,
        LocalDateTime revokedAt,
        String revocationReason,
        String draftedBy,
        LocalDateTime createdAt,
        List<Item> items,
        List<AssignmentView> assignments,
        LocalDate statusAsOf) {

    public record Signer(String authority, String title, String name) {}

    public record Item(String label, String content, LocalDate deadline, Integer deadlineWorkingDays, boolean ongoing,
            ReportSchedule reportSchedule, List<DirectiveItem.Responsible> responsible) {}

    public record AssignmentView(
            long id,
            String itemLabel,
            String agencyCode,
            String agencyName,
            ResponsibleRole role,
            LocalDate deadline,
            String phase,
            StatusBucket status,
            String statusLabel,
            boolean dueSoon,
            LocalDateTime acknowledgedAt,
            LocalDateTime resultSubmittedAt,
            LocalDateTime completedAt,
            String processInstanceId) {}
}
