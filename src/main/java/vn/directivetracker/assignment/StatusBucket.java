package vn.directivetracker.assignment;

import java.time.LocalDate;

/**
 * The one reporting bucket an assignment is in at a reference date (Quyết định 42/2014/QĐ-TTg and
 * the provincial rules modelled on it). Computed, never stored: the same assignment is "in progress,
 * on time" today and "in progress, overdue" next week.
 */
public enum StatusBucket {
    COMPLETED_ON_TIME("Đã hoàn thành đúng hạn"),
    COMPLETED_LATE("Đã hoàn thành quá hạn"),
    IN_PROGRESS_ON_TIME("Đang thực hiện trong hạn"),
    IN_PROGRESS_OVERDUE("Đang thực hiện quá hạn"),
    ONGOING("Không thời hạn"),
    CANCELLED("Đã hủy");

    private final String label;

    StatusBucket(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * @param deadline     null for ongoing work
     * @param completedOn  the day the accepted result was submitted, null while open
     * @param cancelledOn  the day it was cancelled (directive revoked, agency replaced), null if not
     * @param asOf         the reference date
     */
    public static StatusBucket of(LocalDate deadline, LocalDate completedOn, LocalDate cancelledOn, LocalDate asOf) {
        if (cancelledOn != null && !cancelledOn.isAfter(asOf)) {
            return CANCELLED;
        }
        boolean completedByThen = completedOn != null && !completedOn.isAfter(asOf);
        if (deadline == null) {
            return ONGOING;
        }
        if (completedByThen) {
            return completedOn.isAfter(deadline) ? COMPLETED_LATE : COMPLETED_ON_TIME;
        }
        return asOf.isAfter(deadline) ? IN_PROGRESS_OVERDUE : IN_PROGRESS_ON_TIME;
    }
}
