package vn.directivetracker.directive;

/** Process {@code directive-issuance} (bpmn/directive-issuance.bpmn): its key, element ids and variables. */
public final class DirectiveIssuanceProcess {

    public static final String KEY = "directive-issuance";

    public static final class Elements {
        public static final String REVIEW_DRAFT = "ReviewDraft";
        public static final String REVISE_DRAFT = "ReviseDraft";
        public static final String SIGN_DIRECTIVE = "SignDirective";
        public static final String REGISTER_AND_ISSUE = "RegisterAndIssue";
        public static final String ISSUE_DIRECTIVE = "IssueDirective";
        public static final String NOTIFY_RECIPIENTS = "NotifyRecipients";
        public static final String START_EXECUTION = "StartExecution";
        public static final String DIRECTIVE_ISSUED = "DirectiveIssued";

        private Elements() {}
    }

    public static final class Variables {
        public static final String DIRECTIVE_ID = "directiveId";
        public static final String DIRECTIVE_SUBJECT = "directiveSubject";
        public static final String DRAFTER = "drafter";
        public static final String REVIEW_DECISION = "reviewDecision";
        public static final String REVIEW_COMMENT = "reviewComment";
        public static final String SIGN_DECISION = "signDecision";
        public static final String SIGN_COMMENT = "signComment";
        public static final String REVISION_NOTE = "revisionNote";
        public static final String DIRECTIVE_NUMBER = "directiveNumber";

        private Variables() {}
    }

    private DirectiveIssuanceProcess() {}
}
