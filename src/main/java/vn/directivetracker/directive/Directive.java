package vn.directivetracker.directive;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** A directive as stored in our tables. {@code number} is null until the clerk issues it. */
public record Directive(
        long id,
        DocumentType type,
        String fieldCode,
        String number,
        String subject,
        String legalBasis,
        String place,
        Urgency urgency,
        String signerAuthority,
        String signerTitle,
        String signerName,
        String closingText,
        List<String> copyTo,
        String archiveCodes,
        LocalDate issueDate,
        DirectiveStatus status,
        String draftedBy,
        LocalDateTime createdAt,
        String issuanceProcessInstanceId,
        String executionProcessInstanceId,
        LocalDate periodEnd,
        LocalDateTime revokedAt,
        String revocationReason) {}
