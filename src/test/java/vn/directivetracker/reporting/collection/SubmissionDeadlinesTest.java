package vn.directivetracker.reporting.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.support.IntegrationTest;
import vn.directivetracker.reporting.ReportingPeriod;
import vn.directivetracker.reporting.ReportingPeriods;

/** Submission deadlines with the holiday calendar shipped in the database (Tết 2026, New Year swaps). */
class SubmissionDeadlinesTest extends IntegrationTest {

    @Autowired SubmissionDeadlines deadlines;
    @Autowired WorkingDayCalendar calendar;

    @Test
    void threeWorkingDaysAfterTheCutOffByDefault() {
        // Tháng 1/2026: cut-off Wednesday 14/1 → Thu 15, Fri 16, Mon 19/1.
        assertThat(deadlines.deadline(ReportingPeriods.parse("2026-01"))).isEqualTo(LocalDate.of(2026, 1, 19));
        // Năm 2026: cut-off Monday 14/12 → Thursday 17/12.
        assertThat(deadlines.deadline(ReportingPeriods.parse("2026"))).isEqualTo(LocalDate.of(2026, 12, 17));
        // Quý I/2027, across the New Year: cut-off Sunday 14/3/2027 → Mon 15, Tue 16, Wed 17/3.
        assertThat(deadlines.deadline(ReportingPeriods.parse("2027-Q1"))).isEqualTo(LocalDate.of(2027, 3, 17));
    }

    @Test
    void tetIsSkipped() {
        // Tháng 2/2026: cut-off Saturday 14/2, the first day of the Tết break (14/2–22/2):
        // Mon 23, Tue 24, Wed 25/2.
        ReportingPeriod february = ReportingPeriods.parse("2026-02");
        assertThat(february.cutOff()).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(deadlines.deadline(february)).isEqualTo(LocalDate.of(2026, 2, 25));
        // The reminder one working day earlier: Tuesday 24/2.
        assertThat(deadlines.reminderDay(LocalDate.of(2026, 2, 25))).isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    void theMinimumOfOneWorkingDayLandsAfterTet() {
        SubmissionDeadlines oneDay = new SubmissionDeadlines(calendar, new ReportingSettings(1, 1, 2, "-"));
        assertThat(oneDay.deadline(ReportingPeriods.parse("2026-02"))).isEqualTo(LocalDate.of(2026, 2, 23));
        // Its reminder goes out on the last working day before Tết, Friday 13/2.
        assertThat(oneDay.reminderDay(LocalDate.of(2026, 2, 23))).isEqualTo(LocalDate.of(2026, 2, 13));
        // Tháng 1/2026 ends Wednesday 14/1 → Thursday 15/1, never the cut-off day itself.
        assertThat(oneDay.deadline(ReportingPeriods.parse("2026-01"))).isEqualTo(LocalDate.of(2026, 1, 15));
    }
}
