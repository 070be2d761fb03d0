package vn.directivetracker.notification;

import java.time.LocalDateTime;

public record Notification(
        long id,
        String eventType,
        String recipient,
        String subject,
        String bodyText,
        NotificationStatus status,
        Long directiveId,
        Long assignmentId,
        LocalDateTime createdAt,
        LocalDateTime sentAt) {}
