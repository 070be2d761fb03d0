package vn.directivetracker.notification;

import java.time.LocalDateTime;

/** One row of the outbox as coordinators see it: what, to whom, and how delivery went. */
public record Notification(
        long id,
        String eventType,
        String recipient,
        String subject,
        String bodyText,
        NotificationStatus status,
        int attempts,
        String lastError,
        LocalDateTime nextAttemptAt,
        Long directiveId,
        Long assignmentId,
        String taskId,
        LocalDateTime createdAt,
        LocalDateTime sentAt) {}
