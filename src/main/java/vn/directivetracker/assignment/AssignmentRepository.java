package vn.directivetracker.assignment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.MultiRowInsert;
import vn.directivetracker.common.NotFoundException;
import vn.directivetracker.common.ReadsOfThisTransaction;
import vn.directivetracker.directive.ResponsibleRole;

@Repository
public class AssignmentRepository {

    /** This repository's kind of {@link ReadsOfThisTransaction}. */
    private static final String READS = "assignment";

    private final JdbcClient jdbc;
    private final DeadlineHistory history;
    private final Clocks clocks;
    private final AssignmentTally tally;

    public AssignmentRepository(JdbcClient jdbc, DeadlineHistory history, Clocks clocks, AssignmentTally tally) {
        this.jdbc = jdbc;
        this.history = history;
        this.clocks = clocks;
        this.tally = tally;
    }

    /**
     * Runs a write that may change the tallied state of the given assignments (ADR 20) and records
     * the change in {@link AssignmentTally} in the same transaction: their rows are read before and
     * after. Writes that cannot change a state (phase, acknowledgement, process, reminders) skip this.
     */
    private <T> T tallied(List<Long> ids, java.util.function.Supplier<T> write) {
        java.util.Map<Long, AssignmentTally.Row> before = tally.rows(ids);
        T result = write.get();
        tally.changed(before, tally.rows(ids));
        return result;
    }

    /** Inserts unless the item already has an assignment for the agency; true if inserted. */
    public boolean insertIfAbsent(long directiveId, long itemId, String agencyCode, ResponsibleRole role,
            LocalDate deadline, LocalDateTime now) {
        int exists = jdbc.sql("select count(*) from assignment where item_id = ? and agency_code = ?")
                .params(itemId, agencyCode)
                .query(Integer.class)
                .single();
        if (exists > 0) {
            return false;
        }
        insert(directiveId, itemId, agencyCode, role, deadline, now);
        return true;
    }

    /** The agencies that already have an assignment under this item. */
    public List<String> agenciesOfItem(long itemId) {
        return jdbc.sql("select agency_code from assignment where item_id = ?").param(itemId).query(String.class).list();
    }

    /** An assignment to create: the item, the agency, its role and deadline. */
    public record Planned(long itemId, String agencyCode, ResponsibleRole role, LocalDate deadline) {}

    /** A new assignment; the caller knows the item has none for this agency (unique (item, agency) otherwise refuses it). */
    public void insert(long directiveId, long itemId, String agencyCode, ResponsibleRole role,
            LocalDate deadline, LocalDateTime now) {
        insertAll(directiveId, List.of(new Planned(itemId, agencyCode, role, deadline)), now);
    }

    /**
     * {@link #insert} for a letter's planned assignments as one multi-row statement, with their tally
     * deltas as another: two round trips for ~170 rows instead of ~340 (ADR 30). All or nothing with the caller's
     * transaction, as before.
     */
    public void insertAll(long directiveId, List<Planned> planned, LocalDateTime now) {
        if (planned.isEmpty()) {
            return;
        }
        ReadsOfThisTransaction.forget(READS);
        MultiRowInsert.insert(jdbc, "insert into assignment (directive_id, item_id, agency_code, role, deadline, phase, created_at)",
                planned.stream().map(p -> new Object[] {directiveId, p.itemId(), p.agencyCode(), p.role().name(), p.deadline(),
                        AssignmentPhase.RECEIVED.name(), now}).toList());
        tally.added(planned.stream()
                .map(p -> new AssignmentTally.Row(p.agencyCode(), directiveId, p.deadline(), now, null, null, null)).toList());
    }

    public Assignment get(long id) {
        return ReadsOfThisTransaction.get(READS, "row:" + id, () -> jdbc.sql("select * from assignment where id = ?")
                .param(id)
                .query(this::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("Không có nhiệm vụ " + id)));
    }

    /** Every write to our tables goes through here: reads cached in this transaction are dropped first. */
    private JdbcClient.StatementSpec write(String sql) {
        ReadsOfThisTransaction.forget(READS);
        return jdbc.sql(sql);
    }

    /**
     * Reads these assignments with one query and keeps them for the rest of the transaction, so that
     * {@link #get} finds them without a query each: a fan-out chunk's ~20 children (ADR 30).
     */
    public List<Assignment> readAhead(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Assignment> rows = jdbc.sql("select * from assignment where id in (:ids)").param("ids", ids)
                .query(this::map).list();
        rows.forEach(row -> ReadsOfThisTransaction.put(READS, "row:" + row.id(), row));
        return rows;
    }

    public Optional<Assignment> find(long id) {
        return jdbc.sql("select * from assignment where id = ?").param(id).query(this::map).optional();
    }

    public List<Assignment> ofDirective(long directiveId) {
        return jdbc.sql("select * from assignment where directive_id = ? order by item_id, role desc, agency_code")
                .param(directiveId)
                .query(this::map)
                .list();
    }

    public List<Long> idsOfDirective(long directiveId) {
        return jdbc.sql("select id from assignment where directive_id = ? order by id")
                .param(directiveId)
                .query(Long.class)
                .list();
    }

    /**
     * Binds an assignment to the process instance that works it, once: an assignment already worked
     * by another instance is not taken over.
     */
    public void setProcessInstance(long id, String processInstanceId) {
        Assignment readBefore = ReadsOfThisTransaction.peek(READS, "row:" + id);
        // The one write here that forgets one row, not the kind: it changes this row's process and
        // nothing else, and the rows a chunk read ahead for its other children stay valid (ADR 30).
        // Other process → assignment answers cannot change: a row bound to another process is refused.
        ReadsOfThisTransaction.forget(READS, "row:" + id);
        int bound = jdbc.sql("update assignment set process_instance_id = ? where id = ?"
                        + " and (process_instance_id is null or process_instance_id = ?)")
                .params(processInstanceId, id, processInstanceId).update();
        if (bound != 1) {
            throw new IllegalStateException("Nhiệm vụ " + id + " đã gắn với một quy trình khác hoặc không tồn tại");
        }
        // Every later step of the child's start asks which assignment its process works (ADR 28).
        ReadsOfThisTransaction.put(READS, "process:" + processInstanceId, Optional.of(id));
        // The row as this transaction read it, with the one column the update set: the child's notice
        // reads it next, and a second select of the same row was one statement per assignment (ADR 30).
        if (readBefore != null) {
            ReadsOfThisTransaction.put(READS, "row:" + id, readBefore.boundTo(processInstanceId));
        }
    }

    /** The assignment a process instance works: the server's answer, whatever its variables say. */
    public java.util.Optional<Long> idOfProcessInstance(String processInstanceId) {
        return ReadsOfThisTransaction.get(READS, "process:" + processInstanceId,
                () -> jdbc.sql("select id from assignment where process_instance_id = ?")
                        .param(processInstanceId)
                        .query(Long.class)
                        .optional());
    }

    /** An assignment and its directive, by process instance. */
    public record ProcessRef(long assignmentId, long directiveId) {}

    /**
     * {@link #idOfProcessInstance} with the directive: the new-task email asks for both on every task
     * it writes. Both are usually read already in this transaction (the child's start, ADR 28).
     */
    public java.util.Optional<ProcessRef> refOfProcessInstance(String processInstanceId) {
        return idOfProcessInstance(processInstanceId).map(id -> new ProcessRef(id, get(id).directiveId()));
    }

    public void setPhase(long id, AssignmentPhase phase) {
        write("update assignment set phase = ? where id = ?").params(phase.name(), id).update();
    }

    public void markAcknowledged(long id, LocalDateTime at) {
        write("update assignment set acknowledged_at = ?, phase = ? where id = ? and acknowledged_at is null")
                .params(at, AssignmentPhase.IN_PROGRESS.name(), id)
                .update();
    }

    public void markResultSubmitted(long id, LocalDateTime at) {
        tallied(List.of(id), () -> write("update assignment set result_submitted_at = ?, phase = ? where id = ?")
                .params(at, AssignmentPhase.AWAITING_REVIEW.name(), id)
                .update());
    }

    public void markCompleted(long id, LocalDateTime at) {
        tallied(List.of(id), () -> write("update assignment set completed_at = ?, phase = ? where id = ? and completed_at is null")
                .params(at, AssignmentPhase.COMPLETED.name(), id)
                .update());
    }

    /** Every change is kept in {@link DeadlineHistory}, so past statuses keep the deadline of their day. */
    public void updateDeadline(long id, LocalDate deadline) {
        LocalDate previous = currentDeadline(id);
        tallied(List.of(id), () -> write("update assignment set deadline = ? where id = ?").params(deadline, id).update());
        if (!java.util.Objects.equals(previous, deadline)) {
            history.record(id, previous, deadline, clocks.now());
        }
    }

    private LocalDate currentDeadline(long id) {
        // A list: an assignment may have no deadline (ongoing), a null single() rejects.
        List<LocalDate> deadline = jdbc.sql("select deadline from assignment where id = ?").param(id)
                .query((rs, row) -> rs.getObject(1, LocalDate.class)).list();
        if (deadline.isEmpty()) {
            throw new NotFoundException("Không có nhiệm vụ " + id);
        }
        return deadline.get(0);
    }

    public void markFormalReminder(long id, LocalDateTime at) {
        write("update assignment set last_formal_reminder_at = ? where id = ?").params(at, id).update();
    }

    /** Hands the assignment to another agency; the work continues where it stands. */
    public void reassign(long id, String newAgency, LocalDate deadline) {
        LocalDate previous = currentDeadline(id);
        if (!java.util.Objects.equals(previous, deadline)) {
            history.record(id, previous, deadline, clocks.now());
        }
        tallied(List.of(id), () -> write(
                        "update assignment set reassigned_from = agency_code, agency_code = ?, deadline = ? where id = ?")
                .params(newAgency, deadline, id)
                .update());
    }

    /** Cancels every open assignment of the directive; returns the ids cancelled now. */
    public List<Long> cancelOpen(long directiveId, LocalDateTime at) {
        List<Long> open = jdbc.sql("select id from assignment where directive_id = ? and completed_at is null "
                        + "and cancelled_at is null order by id")
                .param(directiveId)
                .query(Long.class)
                .list();
        tallied(open, () -> write("update assignment set cancelled_at = ?, phase = ? where directive_id = ? "
                        + "and completed_at is null and cancelled_at is null")
                .params(at, AssignmentPhase.CANCELLED.name(), directiveId)
                .update());
        return open;
    }

    public Optional<Assignment> findOpen(long itemId, String agencyCode) {
        return jdbc.sql("select * from assignment where item_id = ? and agency_code = ? and completed_at is null "
                        + "and cancelled_at is null")
                .params(itemId, agencyCode)
                .query(this::map)
                .optional();
    }

    public Assignment getByItemAndAgency(long itemId, String agencyCode) {
        return jdbc.sql("select * from assignment where item_id = ? and agency_code = ?")
                .params(itemId, agencyCode)
                .query(this::map)
                .single();
    }

    public void cancel(long id, LocalDateTime at) {
        tallied(List.of(id), () -> write("update assignment set cancelled_at = ?, phase = ? where id = ? and cancelled_at is null")
                .params(at, AssignmentPhase.CANCELLED.name(), id)
                .update());
    }

    public boolean hasAssignment(long itemId, String agencyCode) {
        return jdbc.sql("select count(*) from assignment where item_id = ? and agency_code = ?")
                .params(itemId, agencyCode)
                .query(Integer.class)
                .single() > 0;
    }

    public List<Assignment> openOfItem(long itemId) {
        return jdbc.sql("select * from assignment where item_id = ? and completed_at is null and cancelled_at is null")
                .param(itemId)
                .query(this::map)
                .list();
    }

    public void insertProgressReport(long assignmentId, String note, int percent, boolean finalResult, String by, LocalDateTime at) {
        write("""
                        insert into progress_report (assignment_id, note, percent_done, final_result, reported_by, reported_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(assignmentId, note, percent, finalResult, by, at)
                .update();
    }

    public List<ProgressReport> progressReports(long assignmentId) {
        return jdbc.sql("""
                        select note, percent_done, final_result, reported_by, reported_at from progress_report
                        where assignment_id = ? order by reported_at, id""")
                .param(assignmentId)
                .query((rs, row) -> new ProgressReport(
                        rs.getString(1), rs.getInt(2), rs.getBoolean(3), rs.getString(4),
                        rs.getObject(5, LocalDateTime.class)))
                .list();
    }

    private Assignment map(ResultSet rs, int row) throws SQLException {
        return fromRow(rs);
    }

    /** Maps a row holding every column of {@code assignment} (also from joins in other packages' queries). */
    public static Assignment fromRow(ResultSet rs) throws SQLException {
        return new Assignment(
                rs.getLong("id"),
                rs.getLong("directive_id"),
                rs.getLong("item_id"),
                rs.getString("agency_code"),
                ResponsibleRole.valueOf(rs.getString("role")),
                rs.getObject("deadline", LocalDate.class),
                AssignmentPhase.valueOf(rs.getString("phase")),
                rs.getObject("acknowledged_at", LocalDateTime.class),
                rs.getObject("result_submitted_at", LocalDateTime.class),
                rs.getObject("completed_at", LocalDateTime.class),
                rs.getObject("cancelled_at", LocalDateTime.class),
                rs.getString("process_instance_id"),
                rs.getObject("created_at", LocalDateTime.class),
                rs.getObject("last_formal_reminder_at", LocalDateTime.class),
                rs.getString("reassigned_from"));
    }
}
