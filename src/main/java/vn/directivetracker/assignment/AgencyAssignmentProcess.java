package vn.directivetracker.assignment;

/** Process {@code agency-assignment} (bpmn/agency-assignment.bpmn): its key, element ids and variables. */
public final class AgencyAssignmentProcess {

    public static final String KEY = "agency-assignment";

    public static final class Elements {
        public static final String NOTIFY_AGENCY = "NotifyAgency";
        public static final String ACKNOWLEDGE_RECEIPT = "AcknowledgeReceipt";
        public static final String REPORT_PROGRESS = "ReportProgress";
        public static final String APPROVE_RESULT = "ApproveResult";
        public static final String REVIEW_RESULT = "ReviewResult";
        public static final String COMPLETE_ASSIGNMENT = "CompleteAssignment";
        public static final String ASSIGNMENT_COMPLETED = "AssignmentCompleted";

        private Elements() {}
    }

    public static final class Variables {
        public static final String ASSIGNMENT_ID = "assignmentId";
        public static final String DIRECTIVE_ID = "directiveId";
        // Context shown in the forms, set once when the assignment starts.
        public static final String AGENCY_CODE = "agencyCode";
        public static final String AGENCY_HEAD_GROUP = "agencyHeadGroup";
        public static final String AGENCY_NAME = "agencyName";
        public static final String DIRECTIVE_NUMBER = "directiveNumber";
        public static final String DIRECTIVE_SUBJECT = "directiveSubject";
        public static final String ITEM_ORDINAL = "itemOrdinal";
        public static final String ITEM_CONTENT = "itemContent";
        public static final String ROLE_LABEL = "roleLabel";
        public static final String DEADLINE_LABEL = "deadlineLabel";
        // Entered in the forms.
        public static final String PROGRESS_NOTE = "progressNote";
        public static final String PROGRESS_PERCENT = "progressPercent";
        public static final String RESULT_READY = "resultReady";
        public static final String HEAD_DECISION = "headDecision";
        public static final String HEAD_COMMENT = "headComment";
        public static final String REVIEW_DECISION = "reviewDecision";
        public static final String RETURN_REASON = "returnReason";

        private Variables() {}
    }

    public static final String APPROVE = "APPROVE";
    public static final String ACCEPT = "ACCEPT";
    public static final String RETURN = "RETURN";

    private AgencyAssignmentProcess() {}
}
