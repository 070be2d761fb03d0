package vn.directivetracker.directive;

/** Process {@code directive-execution} (bpmn/directive-execution.bpmn): its key, element ids and variables. */
public final class DirectiveExecutionProcess {

    public static final String KEY = "directive-execution";

    public static final class Elements {
        /**
         * Parallel multi-instance embedded subprocess over chunks of assignment ids (ADR 23): one
         * non-exclusive job per chunk. Absent from versions deployed before ADR 23, where
         * {@link #EXECUTE_ASSIGNMENTS} is itself the async multi-instance at the top level.
         */
        public static final String EXECUTE_ASSIGNMENT_BATCHES = "ExecuteAssignmentBatches";
        /** The call activity to {@code agency-assignment}: inside a chunk, synchronous, one instance per id. */
        public static final String EXECUTE_ASSIGNMENTS = "ExecuteAssignments";
        public static final String BATCH_STARTED = "BatchStarted";
        public static final String BATCH_COMPLETED = "BatchCompleted";
        /**
         * The fan-out's own steps, one row per agency or per chunk in the activity history that says
         * nothing the agency's process instance row does not (its start, its super instance, its end):
         * not written to Camunda's activity history (ADR 39).
         */
        public static final java.util.Set<String> FAN_OUT_PLUMBING = java.util.Set.of(EXECUTE_ASSIGNMENTS, BATCH_STARTED,
                BATCH_COMPLETED);
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
        /** A chunk's assignment ids, comma-separated (a string: readable in Cockpit, no serialization). */
        public static final String ASSIGNMENT_BATCH = "assignmentBatch";
        public static final String EVALUATION_COMMENT = "evaluationComment";
        /** The fan-out's multi-instance elements: bookkeeping of the engine, kept without history (ADR 28). */
        public static final java.util.Set<String> FAN_OUT_ELEMENTS = java.util.Set.of(ASSIGNMENT_ID, ASSIGNMENT_BATCH);

        private Variables() {}
    }

    /** Interrupts the fan-out: every agency's process is cancelled with it. */
    public static final String MESSAGE_DIRECTIVE_REVOKED = "DirectiveRevoked";

    private DirectiveExecutionProcess() {}
}
