package vn.directivetracker.reporting.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** "Tỷ lệ hoàn thành" with the Government Office's own figures. */
class CompletionRateTest {

    @Test
    void theOfficesFiguresGiveTheOfficesRate() {
        // 1270/BC-TCTTTg: 16.051 completed, 223 overdue in progress → 98,62% (16051 / 16274 = 98.6297…).
        assertThat(CompletionRate.of(16_051, 223)).isEqualByComparingTo(new BigDecimal("98.62"));
    }

    @Test
    void edgeCases() {
        assertThat(CompletionRate.of(0, 0)).isNull();
        assertThat(CompletionRate.of(0, 5)).isEqualByComparingTo("0");
        assertThat(CompletionRate.of(7, 0)).isEqualByComparingTo("100");
        assertThat(CompletionRate.of(2, 1)).isEqualByComparingTo("66.66");
    }

    @Test
    void lateCompletionCountsForCompletionNotForOnTime() {
        BucketCounts counts = new BucketCounts();
        counts.add(vn.directivetracker.assignment.StatusBucket.COMPLETED_ON_TIME, false);
        counts.add(vn.directivetracker.assignment.StatusBucket.COMPLETED_LATE, false);
        counts.add(vn.directivetracker.assignment.StatusBucket.IN_PROGRESS_OVERDUE, false);
        counts.add(vn.directivetracker.assignment.StatusBucket.IN_PROGRESS_ON_TIME, false);
        assertThat(counts.completionRate()).isEqualByComparingTo("66.66");
        assertThat(counts.onTimeRate()).isEqualByComparingTo("33.3");
    }
}
