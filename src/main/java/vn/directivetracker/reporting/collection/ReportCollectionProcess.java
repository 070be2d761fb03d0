package vn.directivetracker.reporting.collection;

/** Process {@code report-collection} (bpmn/report-collection.bpmn): its key, element ids and variables. */
public final class ReportCollectionProcess {

    public static final String KEY = "report-collection";

    public static final class Elements {
        public static final String COLLECTION_OPENED = "CollectionOpened";
        public static final String AGENCY_REPORTS = "AgencyReports";
        public static final String PREPARE_REPORT = "PrepareReport";
        public static final String SUBMIT_REPORT = "SubmitReport";
        public static final String APPROVE_REPORT = "ApproveReport";
        public static final String RECORD_SUBMISSION = "RecordSubmission";
        public static final String REPORT_DUE_SOON = "ReportDueSoon";
        public static final String SEND_REPORT_REMINDER = "SendReportReminder";
        public static final String REPORT_OVERDUE = "ReportOverdue";
        public static final String SEND_REPORT_OVERDUE_NOTICE = "SendReportOverdueNotice";
        public static final String COLLECTION_CLOSED = "CollectionClosed";
        public static final String SUMMARIZE_SUBMISSIONS = "SummarizeSubmissions";
        public static final String CONSOLIDATE_REPORTS = "ConsolidateReports";
        public static final String CLOSE_REPORT_PERIOD = "CloseReportPeriod";
        public static final String REPORTS_CONSOLIDATED = "ReportsConsolidated";

        private Elements() {}
    }

    public static final class Variables {
        public static final String REPORT_PERIOD_ID = "reportPeriodId";
        public static final String DIRECTIVE_ID = "directiveId";
        /** Element variable of the multi-instance: one agency per instance. */
        public static final String AGENCY_CODE = "agencyCode";
        public static final String AGENCY_HEAD_GROUP = "agencyHeadGroup";
        // Context shown in the forms, set once when the period opens.
        public static final String DIRECTIVE_NUMBER = "directiveNumber";
        public static final String DIRECTIVE_SUBJECT = "directiveSubject";
        public static final String PERIOD_LABEL = "periodLabel";
        public static final String CUT_OFF_LABEL = "cutOffLabel";
        public static final String DEADLINE_LABEL = "deadlineLabel";
        // Entered in the forms; local to each agency's instance (input mapping on PrepareReport).
        public static final String REPORT_TEXT = "reportText";
        public static final String REPORT_FIGURES = "reportFigures";
        public static final String PREPARED_BY = "preparedBy";
        public static final String HEAD_DECISION = "headDecision";
        public static final String HEAD_COMMENT = "headComment";
        // Set by SummarizeSubmissions for the coordinator.
        public static final String SUMMARY = "submissionSummary";
        public static final String REPORT_PERIOD_URL = "reportPeriodUrl";
        public static final String CONSOLIDATED_REPORT_URL = "consolidatedReportUrl";
        public static final String STATISTICS_URL = "statisticsUrl";
        public static final String CONSOLIDATED_BY = "consolidatedBy";

        private Variables() {}
    }

    public static long reportPeriodId(org.camunda.bpm.engine.delegate.VariableScope scope) {
        return ((Number) scope.getVariable(Variables.REPORT_PERIOD_ID)).longValue();
    }

    private ReportCollectionProcess() {}
}
