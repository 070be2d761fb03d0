package vn.directivetracker.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.directivetracker.assignment.StatusBucket.*;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One fixture per bucket, each read at several reference dates: every assignment is in exactly one
 * bucket, and the bucket follows the reference date.
 */
class StatusBucketTest {

    private static LocalDate d(String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s);
    }

    @ParameterizedTest(name = "deadline {0}, completed {1}, cancelled {2}, as of {3} → {4}")
    @CsvSource(nullValues = "-", value = {
            // deadline,  completed,   cancelled,   as of,       bucket
            "2026-12-18, 2026-12-10, -,          2026-12-09, IN_PROGRESS_ON_TIME",
            "2026-12-18, 2026-12-10, -,          2026-12-10, COMPLETED_ON_TIME",
            "2026-12-18, 2026-12-10, -,          2027-03-01, COMPLETED_ON_TIME",
            "2026-12-18, 2026-12-18, -,          2026-12-18, COMPLETED_ON_TIME",
            "2026-12-18, 2026-12-22, -,          2026-12-18, IN_PROGRESS_ON_TIME",
            "2026-12-18, 2026-12-22, -,          2026-12-21, IN_PROGRESS_OVERDUE",
            "2026-12-18, 2026-12-22, -,          2026-12-22, COMPLETED_LATE",
            "2026-12-18, -,          -,          2026-12-18, IN_PROGRESS_ON_TIME",
            "2026-12-18, -,          -,          2026-12-19, IN_PROGRESS_OVERDUE",
            "-,          -,          -,          2026-12-19, ONGOING",
            "-,          2026-12-31, -,          2027-01-05, ONGOING",
            "2026-12-18, -,          2026-12-05, 2026-12-04, IN_PROGRESS_ON_TIME",
            "2026-12-18, -,          2026-12-05, 2026-12-05, CANCELLED",
            "2026-12-18, -,          2026-12-05, 2027-01-05, CANCELLED",
            "-,          -,          2026-12-05, 2026-12-06, CANCELLED",
    })
    void bucketAtReferenceDate(String deadline, String completed, String cancelled, String asOf, StatusBucket expected) {
        assertThat(StatusBucket.of(d(deadline), d(completed), d(cancelled), d(asOf))).isEqualTo(expected);
    }
}
