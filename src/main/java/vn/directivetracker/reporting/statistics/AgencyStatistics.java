package vn.directivetracker.reporting.statistics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.Map;
import vn.directivetracker.agency.AgencyKind;

/**
 * One agency's row of the statistics (the totals row has no code). JSON: {@code agencyCode},
 * {@code agencyName}, {@code agencyKind}, {@code counts} per bucket, {@code dueSoon}, {@code total},
 * {@code completionRate} ("Tỷ lệ hoàn thành", percent, the Government Office's headline) and
 * {@code onTimeRate} ("Tỷ lệ đúng hạn", percent).
 */
public record AgencyStatistics(
        String agencyCode,
        String agencyName,
        AgencyKind agencyKind,
        @JsonIgnore BucketCounts buckets) {

    @JsonProperty
    public Map<String, Integer> counts() {
        return buckets.counts();
    }

    @JsonProperty
    public int dueSoon() {
        return buckets.dueSoon();
    }

    @JsonProperty
    public int total() {
        return buckets.total();
    }

    @JsonProperty
    public BigDecimal completionRate() {
        return buckets.completionRate();
    }

    @JsonProperty
    public BigDecimal onTimeRate() {
        return buckets.onTimeRate();
    }
}
