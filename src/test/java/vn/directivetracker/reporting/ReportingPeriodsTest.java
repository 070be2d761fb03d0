package vn.directivetracker.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.directivetracker.directive.ReportSchedule;

/** Cut-off dates of Nghị định 09/2019/NĐ-CP, Điều 12, for dates on both sides of each boundary. */
class ReportingPeriodsTest {

    @ParameterizedTest(name = "{0} containing {1} → {2} ({3} – {4})")
    @CsvSource({
            // schedule,  date,       code,    start,      cut-off
            "MONTHLY,     2026-03-14, 2026-03, 2026-02-15, 2026-03-14",
            "MONTHLY,     2026-03-15, 2026-04, 2026-03-15, 2026-04-14",
            "MONTHLY,     2026-02-01, 2026-02, 2026-01-15, 2026-02-14",
            // across the year boundary: from 15/12 on, the figures belong to January's report
            "MONTHLY,     2025-12-14, 2025-12, 2025-11-15, 2025-12-14",
            "MONTHLY,     2025-12-15, 2026-01, 2025-12-15, 2026-01-14",
            "MONTHLY,     2025-12-31, 2026-01, 2025-12-15, 2026-01-14",
            "QUARTERLY,   2025-12-15, 2026-Q1, 2025-12-15, 2026-03-14",
            "QUARTERLY,   2026-03-14, 2026-Q1, 2025-12-15, 2026-03-14",
            "QUARTERLY,   2026-03-15, 2026-Q2, 2026-03-15, 2026-06-14",
            "QUARTERLY,   2026-09-14, 2026-Q3, 2026-06-15, 2026-09-14",
            "QUARTERLY,   2026-12-14, 2026-Q4, 2026-09-15, 2026-12-14",
            "QUARTERLY,   2026-12-15, 2027-Q1, 2026-12-15, 2027-03-14",
            "HALF_YEARLY, 2026-06-14, 2026-H1, 2025-12-15, 2026-06-14",
            "HALF_YEARLY, 2026-06-15, 2026-H2, 2026-06-15, 2026-12-14",
            "HALF_YEARLY, 2026-12-31, 2027-H1, 2026-12-15, 2027-06-14",
            "NINE_MONTHS, 2025-12-15, 2026-9M, 2025-12-15, 2026-09-14",
            "NINE_MONTHS, 2026-09-14, 2026-9M, 2025-12-15, 2026-09-14",
            "NINE_MONTHS, 2026-12-15, 2027-9M, 2026-12-15, 2027-09-14",
            "YEARLY,      2026-01-01, 2026,    2025-12-15, 2026-12-14",
            "YEARLY,      2026-12-14, 2026,    2025-12-15, 2026-12-14",
            "YEARLY,      2026-12-15, 2027,    2026-12-15, 2027-12-14",
    })
    void periodContainingADate(ReportSchedule schedule, LocalDate date, String code, LocalDate start, LocalDate cutOff) {
        ReportingPeriod period = ReportingPeriods.containing(schedule, date);
        assertThat(period.code()).isEqualTo(code);
        assertThat(period.start()).isEqualTo(start);
        assertThat(period.cutOff()).isEqualTo(cutOff);
        assertThat(period.contains(date)).isTrue();
        // The code names the same period, so URLs and tables can carry it.
        assertThat(ReportingPeriods.parse(code)).isEqualTo(period);
    }

    @Test
    void periodsFollowEachOtherWithoutGapOrOverlap() {
        for (ReportSchedule schedule : ReportSchedule.values()) {
            if (schedule == ReportSchedule.NINE_MONTHS) {
                continue; // covers part of each year only: nineMonthsAreOncePerYear
            }
            ReportingPeriod period = ReportingPeriods.containing(schedule, LocalDate.of(2025, 1, 1));
            for (int i = 0; i < 30; i++) {
                ReportingPeriod next = ReportingPeriods.next(period);
                assertThat(next.start()).as("%s after %s", schedule, period.code()).isEqualTo(period.cutOff().plusDays(1));
                assertThat(next.schedule()).isEqualTo(schedule);
                period = next;
            }
        }
    }

    @Test
    void nineMonthsAreOncePerYear() {
        ReportingPeriod nine = ReportingPeriods.parse("2026-9M");
        assertThat(nine.schedule()).isEqualTo(ReportSchedule.NINE_MONTHS);
        assertThat(nine.label()).isEqualTo("9 tháng đầu năm 2026");
        assertThat(nine.start()).isEqualTo(LocalDate.of(2025, 12, 15));
        assertThat(nine.cutOff()).isEqualTo(LocalDate.of(2026, 9, 14));
        assertThat(ReportingPeriods.next(nine).code()).isEqualTo("2027-9M");
        // Between 15/9 and 14/12 the nine months of the year are already cut off: the last one is this year's.
        assertThat(ReportingPeriods.lastCutOff(ReportSchedule.NINE_MONTHS, LocalDate.of(2026, 9, 13)).code()).isEqualTo("2025-9M");
        assertThat(ReportingPeriods.lastCutOff(ReportSchedule.NINE_MONTHS, LocalDate.of(2026, 9, 14)).code()).isEqualTo("2026-9M");
        assertThat(ReportingPeriods.lastCutOff(ReportSchedule.NINE_MONTHS, LocalDate.of(2026, 11, 30)).code()).isEqualTo("2026-9M");
        assertThat(ReportingPeriods.lastCutOff(ReportSchedule.NINE_MONTHS, LocalDate.of(2026, 12, 20)).code()).isEqualTo("2026-9M");
        // The other schedules are unchanged: the cut-off day itself, else the period before.
        assertThat(ReportingPeriods.lastCutOff(ReportSchedule.QUARTERLY, LocalDate.of(2026, 3, 14)).code()).isEqualTo("2026-Q1");
        assertThat(ReportingPeriods.lastCutOff(ReportSchedule.QUARTERLY, LocalDate.of(2026, 3, 13)).code()).isEqualTo("2025-Q4");
    }

    @Test
    void labelsAreVietnamese() {
        assertThat(ReportingPeriods.parse("2026-q1").label()).isEqualTo("Quý I năm 2026");
        assertThat(ReportingPeriods.parse("2026-H2").label()).isEqualTo("6 tháng cuối năm 2026");
        assertThat(ReportingPeriods.parse("2026-02").label()).isEqualTo("Tháng 2 năm 2026");
        assertThat(ReportingPeriods.parse("2026").label()).isEqualTo("Năm 2026");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-13", "2026-Q5", "2026-H3", "2026-8M", "2026-9", "Q1-2026", "26", "2026-1", "tháng 1"})
    void unknownCodesAreNotPeriods(String code) {
        assertThat(ReportingPeriods.parse(code)).isNull();
    }
}
