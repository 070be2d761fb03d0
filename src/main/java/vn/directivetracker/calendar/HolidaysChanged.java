package vn.directivetracker.calendar;

/**
 * Published after an administrator added, changed or removed days of the holiday calendar, so that
 * whatever was computed in working days from the old calendar can follow (the follow-up timers).
 */
public record HolidaysChanged(String changedBy) {}
