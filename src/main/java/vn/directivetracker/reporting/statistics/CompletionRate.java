package vn.directivetracker.reporting.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * "Tỷ lệ hoàn thành" as the Government Office reports it (e.g. 1270/BC-TCTTTg: 16.051 tasks
 * completed, 223 overdue in progress → 98,62%): completed (on time or late) ÷ (completed + in progress
 * overdue). Work not yet due, ongoing and cancelled work is on neither side.
 *
 * <p>Two decimals, cut rather than rounded: 16,051 ÷ 16,274 = 98.6297…, which the Office writes as
 * 98,62%, so we cut too and our figure matches theirs for the same counts. The on-time rate
 * ({@link BucketCounts#onTimeRate}) stays beside it: the completion rate counts a late completion as
 * a success, the on-time rate does not.
 */
public final class CompletionRate {

    public static final String LABEL = "Tỷ lệ hoàn thành";

    private CompletionRate() {}

    /** Percent with two decimals, cut; null when nothing is completed or overdue. */
    public static BigDecimal of(int completed, int overdueInProgress) {
        int judged = completed + overdueInProgress;
        if (judged == 0) {
            return null;
        }
        return BigDecimal.valueOf(completed * 100L).divide(BigDecimal.valueOf(judged), 2, RoundingMode.DOWN);
    }
}
