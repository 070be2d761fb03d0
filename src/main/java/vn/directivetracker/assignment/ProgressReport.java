package vn.directivetracker.assignment;

import java.time.LocalDateTime;

public record ProgressReport(String note, int percentDone, boolean finalResult, String reportedBy, LocalDateTime reportedAt) {}
