package vn.directivetracker.reporting.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.directivetracker.assignment.StatusBucket;

/**
 * Counts per status bucket for one agency (or the total), with the "sắp đến hạn" count and the
 * on-time rate.
 *
 * <p>On-time rate = completed on time ÷ (completed on time + completed late + in progress overdue):
 * the share of assignments whose deadline outcome is already decided at the reference date that went
 * well. Work still within its deadline, ongoing work and cancelled work are not judged yet, so they
 * stay out of both sides; {@code null} when nothing has been decided. Beside it, the Government
 * Office's headline {@link CompletionRate}.
 */
public final class BucketCounts {

    private final EnumMap<StatusBucket, Integer> counts = new EnumMap<>(StatusBucket.class);
    private int dueSoon;

    public BucketCounts() {
        for (StatusBucket bucket : StatusBucket.values()) {
            counts.put(bucket, 0);
        }
    }

    void add(StatusBucket bucket, boolean isDueSoon) {
        counts.merge(bucket, 1, Integer::sum);
        if (isDueSoon) {
            dueSoon++;
        }
    }

    /** {@code n} assignments in one bucket, {@code dueSoon} of them due soon (counted by the database). */
    void add(StatusBucket bucket, int n, int dueSoonCount) {
        counts.merge(bucket, n, Integer::sum);
        dueSoon += dueSoonCount;
    }

    void addAll(BucketCounts other) {
        other.counts.forEach((bucket, n) -> counts.merge(bucket, n, Integer::sum));
        dueSoon += other.dueSoon;
    }

    public int get(StatusBucket bucket) {
        return counts.get(bucket);
    }

    /** Keyed by bucket name, in the order of {@code StatusBucket} (docs/adr/0005-status-buckets-computed-not-stored.md). */
    public Map<String, Integer> counts() {
        Map<String, Integer> byName = new LinkedHashMap<>();
        counts.forEach((bucket, n) -> byName.put(bucket.name(), n));
        return byName;
    }

    public int dueSoon() {
        return dueSoon;
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** "Tỷ lệ hoàn thành" ({@link CompletionRate}): completed ÷ (completed + in progress overdue). */
    public BigDecimal completionRate() {
        return CompletionRate.of(get(StatusBucket.COMPLETED_ON_TIME) + get(StatusBucket.COMPLETED_LATE),
                get(StatusBucket.IN_PROGRESS_OVERDUE));
    }

    /** Percent with one decimal, e.g. 66.7; null when no deadline has been decided yet. */
    public BigDecimal onTimeRate() {
        int decided = get(StatusBucket.COMPLETED_ON_TIME) + get(StatusBucket.COMPLETED_LATE)
                + get(StatusBucket.IN_PROGRESS_OVERDUE);
        if (decided == 0) {
            return null;
        }
        return BigDecimal.valueOf(get(StatusBucket.COMPLETED_ON_TIME) * 100L)
                .divide(BigDecimal.valueOf(decided), 1, RoundingMode.HALF_UP);
    }
}
