package vn.directivetracker.directive;

/** Process {@code directive-execution} (bpmn/directive-execution.bpmn): its key, element ids and variables. */
public final class DirectiveExecutionProcess {

    public static final String KEY = "directive-execution";

    public static final class Elements {
        public static final String EXECUTE_ASSIGNMENTS = "ExecuteAssignments";
        public static final String EVALUATE_DIRECTIVE = "EvaluateDirective";
        public static final String CLOSE_DIRECTIVE = "CloseDirective";
        public static final String DIRECTIVE_CLOSED = "DirectiveClosed";
        public static final String DIRECTIVE_REVOKED = "DirectiveRevoked";
        public static final String CANCEL_ASSIGNMENTS = "CancelAssignments";
        public static final String EXECUTION_CANCELLED = "ExecutionCancelled";

        private Elements() {}
    }

    public static final class Variables {
        public static final String DIRECTIVE_ID = "directiveId";
        public static final String DIRECTIVE_NUMBER = "directiveNumber";
        public static final String ASSIGNMENT_ID = "assignmentId";
        public static final String EVALUATION_COMMENT = "evaluationComment";

        private Variables() {}
    }

    /** Interrupts the fan-out: every agency's process is cancelled with it. */
    public static final String MESSAGE_DIRECTIVE_REVOKED = "DirectiveRevoked";

    private DirectiveExecutionProcess() {}
}
