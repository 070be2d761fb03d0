package vn.directivetracker.reporting.statistics;

import java.util.Map;
import vn.directivetracker.assignment.StatusBucket;

/** Bucket counts given by hand, for tests outside this package that need figures without a database. */
public final class SampleCounts {

    private SampleCounts() {}

    public static BucketCounts of(Map<StatusBucket, Integer> counts, int dueSoon) {
        BucketCounts result = new BucketCounts();
        counts.forEach((bucket, n) -> result.add(bucket, n, bucket == StatusBucket.IN_PROGRESS_ON_TIME ? dueSoon : 0));
        return result;
    }
}
