package vn.directivetracker.assignment;

import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the follow-up ("đôn đốc") timers behave, all durations in Vietnamese working days.
 *
 * @param acknowledgeReminderDays  remind an agency that has not acknowledged its assignment after this many days
 * @param dueSoonDays              "sắp đến hạn": remind this many days before the deadline
 * @param escalationDays           escalate to the provincial leader this many days after the deadline
 *                                 (and again this many days after each formal reminder)
 * @param leaderExtensionDays      extensions longer than this (or any second request) are decided by
 *                                 the provincial leader instead of the coordinator
 * @param notifyAt                 the time of day reminders and notices go out
 */
@ConfigurationProperties("directive-tracker.deadlines")
public record DeadlineSettings(
        int acknowledgeReminderDays,
        int dueSoonDays,
        int escalationDays,
        int leaderExtensionDays,
        LocalTime notifyAt) {}
