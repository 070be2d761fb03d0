package vn.directivetracker.assignment;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Process {@code agency-assignment} (bpmn/agency-assignment.bpmn): its key, element ids and variables. */
public final class AgencyAssignmentProcess {

    public static final String KEY = "agency-assignment";

    public static final class Elements {
        public static final String ASSIGNMENT_RECEIVED = "AssignmentReceived";
        public static final String NOTIFY_AGENCY = "NotifyAgency";
        public static final String ACKNOWLEDGE_RECEIPT = "AcknowledgeReceipt";
        public static final String REPORT_PROGRESS = "ReportProgress";
        public static final String APPROVE_RESULT = "ApproveResult";
        public static final String REVIEW_RESULT = "ReviewResult";
        public static final String COMPLETE_ASSIGNMENT = "CompleteAssignment";
        public static final String ASSIGNMENT_COMPLETED = "AssignmentCompleted";
        // Deadlines (the watch branch and the escalation ladder).
        public static final String DECIDE_EXTENSION = "DecideExtension";
        public static final String APPLY_EXTENSION_DECISION = "ApplyExtensionDecision";
        /**
         * The watch's first timer (ADR 32: one timer at a time). Not in {@link #WATCH}: a moved deadline
         * re-plans it where it waits ({@link DeadlineChanges#restartWatch}) instead of starting the
         * ladder early. In versions before ADR 32 the same id is a boundary timer of {@link #ACKNOWLEDGE_RECEIPT}.
         */
        public static final String ACKNOWLEDGE_OVERDUE = "AcknowledgeOverdue";
        public static final String SEND_ACKNOWLEDGE_REMINDER = "SendAcknowledgeReminder";
        public static final String DEADLINE_KIND_GATEWAY = "DeadlineKindGateway";
        public static final String DUE_SOON = "DueSoon";
        public static final String SEND_DUE_SOON_REMINDER = "SendDueSoonReminder";
        public static final String DEADLINE_REACHED = "DeadlineReached";
        public static final String SEND_OVERDUE_NOTICE = "SendOverdueNotice";
        public static final String ESCALATION_DUE = "EscalationDue";
        public static final String HANDLE_OVERDUE = "HandleOverdue";
        public static final String APPLY_LEADER_EXTENSION = "ApplyLeaderExtension";
        public static final String REASSIGN_ASSIGNMENT = "ReassignAssignment";
        public static final String SEND_FORMAL_REMINDER = "SendFormalReminder";
        public static final String ESCALATION_MERGE = "EscalationMerge";
        public static final String LEADER_DECISION_GATEWAY = "LeaderDecisionGateway";
        /**
         * The deadline watch: every activity of the escalation ladder, from {@link #DUE_SOON} on. They sit
         * on the process level (no subprocess since the ADR 8 addendum of 2026-12-02), so this list is
         * what says which tokens {@link DeadlineChanges#restartWatch} cancels before it starts the watch
         * again at {@link #DUE_SOON}. The watch's token reaches {@link #DUE_SOON} only after
         * {@link #ACKNOWLEDGE_OVERDUE} (ADR 32).
         */
        public static final List<String> WATCH = List.of(DUE_SOON, SEND_DUE_SOON_REMINDER,
                DEADLINE_REACHED, SEND_OVERDUE_NOTICE, ESCALATION_MERGE, ESCALATION_DUE, HANDLE_OVERDUE,
                LEADER_DECISION_GATEWAY, APPLY_LEADER_EXTENSION, REASSIGN_ASSIGNMENT, SEND_FORMAL_REMINDER);
        public static final String PERIOD_END_GATEWAY = "PeriodEndGateway";
        public static final String PERIOD_ENDED = "PeriodEnded";
        public static final String CLOSE_ONGOING_ASSIGNMENT = "CloseOngoingAssignment";
        public static final String NOTHING_TO_WATCH = "NothingToWatch";
        /**
         * The watch's timers and gateways: how it waits and which way it goes, not what it did. Their
         * activity instances are not written to Camunda's history (ADR 37); each reminder or notice they
         * lead to is (its service task's row, its outbox row), and so is the leaders' task.
         */
        public static final Set<String> WATCH_PLUMBING = Set.of(ACKNOWLEDGE_OVERDUE, DEADLINE_KIND_GATEWAY, DUE_SOON,
                DEADLINE_REACHED, ESCALATION_MERGE, ESCALATION_DUE, PERIOD_END_GATEWAY, PERIOD_ENDED, NOTHING_TO_WATCH);
        /**
         * How an assignment's process begins: its start event and the assignment's notice, both in the
         * transaction that starts the process, which its own history row (start time) and the notice's
         * outbox row already record. Not written to Camunda's activity history either (ADR 39).
         */
        public static final Set<String> START_PLUMBING = Set.of(ASSIGNMENT_RECEIVED, NOTIFY_AGENCY);

        private Elements() {}
    }

    public static final class Variables {
        /** Not a variable of this process since ADR 27: the parent's element variable, see {@link #passedAssignmentId}. */
        public static final String ASSIGNMENT_ID = "assignmentId";
        // Context shown in the forms (and the new-task email): form fields, no longer variables. Served
        // from our tables when a form opens (AssignmentFormContext, ADR 27).
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
        // Deadlines.
        public static final String REQUEST_EXTENSION = "requestExtension";
        public static final String REQUESTED_DEADLINE = "requestedDeadline";
        public static final String EXTENSION_REASON = "extensionReason";
        public static final String EXTENSION_DECIDER_GROUP = "extensionDeciderGroup";
        public static final String EXTENSION_DECISION = "extensionDecision";
        public static final String EXTENSION_COMMENT = "extensionComment";
        public static final String LEADER_DECISION = "leaderDecision";
        public static final String LEADER_NEW_DEADLINE = "leaderNewDeadline";
        public static final String REASSIGN_TO = "reassignTo";
        public static final String LEADER_COMMENT = "leaderComment";

        private Variables() {}
    }

    /**
     * Interrupted the {@code DeadlineWatch} subprocess of versions deployed before the ADR 8 addendum of
     * 2026-12-02; instances still running on such a version are restarted with it ({@link DeadlineChanges}).
     */
    public static final String MESSAGE_DEADLINE_CHANGED = "DeadlineChanged";

    public static final String REJECT = "REJECT";
    public static final String EXTEND = "EXTEND";
    public static final String REASSIGN = "REASSIGN";
    public static final String REMIND = "REMIND";
    public static final String ACCEPT = "ACCEPT";

    /**
     * The assignment this instance was started for, read only by the start listener, which binds the
     * instance to the assignment's row; from then on every delegate, listener, form and email asks
     * {@link AssignmentOfProcess} (by process instance id), never a variable.
     *
     * <p>It is the element variable of the parent's multi-instance call activity, local to the inner
     * instance that started this one ({@code directive-execution}'s fan-out sets it, and an agency added
     * by an amendment gets a chunk whose inner multi-instance sets it the same way, {@code ExecutionFanOut}).
     * Read through the super execution's scopes, so the nearest {@code assignmentId} is that inner
     * instance's: no outer scope of the parent has one. The child no longer gets a copy of it (ADR 27:
     * one variable and one history row fewer per child). Reading it here is safe:
     * it is read once, while the call activity starts the child, in the server's transaction, before
     * any user task of the child (or a later one of the parent) exists, so no user request can have
     * written it — the parent's inner instance has no task and the engine REST guard refuses variable
     * writes outside a form's declared fields (ADR 12). And binding refuses an assignment already bound
     * to another instance ({@link AssignmentRepository#setProcessInstance}), so no id could move another
     * instance's work here.
     *
     * <p>The instance's own variable is the fallback only when no super execution has one: a
     * {@code directive-execution} deployed before ADR 27 still copies the id in ({@code camunda:in}),
     * next to its element variable, and an instance started without a parent (operations, tests) is
     * given it as a start variable.
     */
    static long passedAssignmentId(DelegateExecution execution) {
        DelegateExecution parent = execution.getSuperExecution();
        Object id = parent == null ? null : parent.getVariable(Variables.ASSIGNMENT_ID);
        if (id == null) {
            id = execution.getVariable(Variables.ASSIGNMENT_ID);
        }
        if (!(id instanceof Number number)) {
            throw new IllegalStateException("Quy trình " + execution.getProcessInstanceId()
                    + " được khởi động không kèm nhiệm vụ nào (" + id + ")");
        }
        return number.longValue();
    }

    private AgencyAssignmentProcess() {}
}
