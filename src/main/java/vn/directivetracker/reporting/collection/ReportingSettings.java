package vn.directivetracker.reporting.collection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param submissionWorkingDays  agencies submit their periodic report this many working days after
 *                               the cut-off. Nghị định 09/2019 asks for "at least one working day"
 *                               and provinces report to the centre by the 25th of the period's last
 *                               month; 3 leaves the coordinator about a week to consolidate.
 * @param reminderWorkingDays    remind agencies that have not submitted this many working days before
 *                               the submission deadline
 * @param graceWorkingDays       late reports are still accepted this many working days after the
 *                               deadline; then collection closes and the coordinator consolidates
 *                               with whoever is missing
 * @param openerCron             when the opener looks for periods to open (ADR 0009); "-" disables it
 */
@ConfigurationProperties("directive-tracker.reporting")
public record ReportingSettings(
        @DefaultValue("3") int submissionWorkingDays,
        @DefaultValue("1") int reminderWorkingDays,
        @DefaultValue("2") int graceWorkingDays,
        @DefaultValue("0 30 7 * * *") String openerCron) {

    public ReportingSettings {
        if (submissionWorkingDays < 1) {
            throw new IllegalArgumentException(
                    "directive-tracker.reporting.submission-working-days phải ≥ 1 (Nghị định 09/2019/NĐ-CP)");
        }
    }
}
