package vn.directivetracker.reporting.collection;

public enum ReportPeriodStatus {
    /** Agencies are preparing and submitting their reports. */
    COLLECTING,
    /** Every report is in, or collection closed: the coordinator consolidates. */
    CONSOLIDATING,
    CONSOLIDATED,
    /** The directive was revoked while reports were being collected: the collection was cancelled. */
    WITHDRAWN
}
