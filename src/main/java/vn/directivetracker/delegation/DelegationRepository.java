package vn.directivetracker.delegation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.directivetracker.common.ReadsOfThisTransaction;

@Repository
public class DelegationRepository {

    private static final String ACTIVE_ON = "cancelled_at is null and starts_on <= :day and ends_on >= :day";

    /** This repository's kind of {@link ReadsOfThisTransaction}; {@link #insert} and {@link #cancel} forget it. */
    private static final String READS = "delegation";

    private final JdbcClient jdbc;

    DelegationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String delegator, String deputy, LocalDate from, LocalDate to, String reason, String createdBy, LocalDateTime at) {
        ReadsOfThisTransaction.forget(READS);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into delegation (delegator_id, deputy_id, starts_on, ends_on, reason, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(delegator, deputy, from, to, reason, createdBy, at)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Delegation> find(long id) {
        return jdbc.sql("select * from delegation where id = ?").param(id).query(this::map).optional();
    }

    /** Read once per transaction and day: every new task asks (a fan-out chunk creates ~20, ADR 28). */
    List<Delegation> activeOn(LocalDate day) {
        return ReadsOfThisTransaction.get(READS, day, () -> List.copyOf(
                jdbc.sql("select * from delegation where " + ACTIVE_ON + " order by id").param("day", day).query(this::map).list()));
    }

    /** Delegations that still offer tasks although they are over (ended, cancelled) or not yet begun. */
    List<Delegation> offeringOutsideTheirRange(LocalDate day) {
        return jdbc.sql("select * from delegation d where not (" + ACTIVE_ON + ")"
                        + " and exists (select 1 from delegation_task t where t.delegation_id = d.id) order by id")
                .param("day", day).query(this::map).list();
    }

    List<Delegation> overlapping(String delegator, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select * from delegation where delegator_id = ? and cancelled_at is null
                        and starts_on <= ? and ends_on >= ? order by id""")
                .params(delegator, to, from).query(this::map).list();
    }

    List<Delegation> involving(String userId) {
        return jdbc.sql("select * from delegation where delegator_id = ? or deputy_id = ? order by starts_on desc, id desc")
                .params(userId, userId).query(this::map).list();
    }

    List<Delegation> all() {
        return jdbc.sql("select * from delegation order by starts_on desc, id desc").query(this::map).list();
    }

    void cancel(long id, String by, LocalDateTime at) {
        ReadsOfThisTransaction.forget(READS);
        jdbc.sql("update delegation set cancelled_by = ?, cancelled_at = ? where id = ? and cancelled_at is null")
                .params(by, at, id).update();
    }

    void offer(long delegationId, String taskId) {
        jdbc.sql("insert into delegation_task (delegation_id, task_id) values (?, ?)").params(delegationId, taskId).update();
    }

    boolean isOffered(long delegationId, String taskId) {
        return jdbc.sql("select count(*) from delegation_task where delegation_id = ? and task_id = ?")
                .params(delegationId, taskId).query(Long.class).single() > 0;
    }

    List<String> offeredTasks(long delegationId) {
        return jdbc.sql("select task_id from delegation_task where delegation_id = ? order by task_id")
                .param(delegationId).query(String.class).list();
    }

    /** The delegations through which the task is offered to this user as a deputy. */
    List<Delegation> offeringTaskTo(String taskId, String deputyId) {
        return jdbc.sql("""
                        select d.* from delegation d join delegation_task t on t.delegation_id = d.id
                        where t.task_id = ? and d.deputy_id = ? order by d.id""")
                .params(taskId, deputyId).query(this::map).list();
    }

    void withdraw(long delegationId, String taskId) {
        jdbc.sql("delete from delegation_task where delegation_id = ? and task_id = ?").params(delegationId, taskId).update();
    }

    void forgetTask(String taskId) {
        jdbc.sql("delete from delegation_task where task_id = ?").param(taskId).update();
    }

    void record(DelegationAction a) {
        jdbc.sql("""
                        insert into delegation_action (delegation_id, task_id, task_name, task_definition_key,
                            process_instance_id, action, acted_by, acted_for, occurred_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.delegationId(), a.taskId(), a.taskName(), a.taskDefinitionKey(), a.processInstanceId(),
                        a.action(), a.actedBy(), a.actedFor(), a.occurredAt())
                .update();
    }

    List<DelegationAction> actions(long delegationId) {
        return jdbc.sql("select * from delegation_action where delegation_id = ? order by occurred_at, id")
                .param(delegationId).query(this::mapAction).list();
    }

    public List<DelegationAction> actionsInProcesses(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from delegation_action where process_instance_id in (:ids) order by occurred_at, id")
                .param("ids", processInstanceIds).query(this::mapAction).list();
    }

    /** Actions in a time window, optionally only those by or for one user. */
    public List<DelegationAction> actionsBetween(String userId, LocalDateTime from, LocalDateTime to) {
        String sql = "select * from delegation_action where occurred_at >= :from and occurred_at < :to"
                + (userId == null ? "" : " and (acted_by = :user or acted_for = :user)") + " order by occurred_at, id";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("from", from).param("to", to);
        if (userId != null) {
            statement = statement.param("user", userId);
        }
        return statement.query(this::mapAction).list();
    }

    private Delegation map(ResultSet rs, int row) throws SQLException {
        return new Delegation(rs.getLong("id"), rs.getString("delegator_id"), rs.getString("deputy_id"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), rs.getString("reason"),
                rs.getString("created_by"), rs.getObject("created_at", LocalDateTime.class),
                rs.getString("cancelled_by"), rs.getObject("cancelled_at", LocalDateTime.class));
    }

    private DelegationAction mapAction(ResultSet rs, int row) throws SQLException {
        return new DelegationAction(rs.getLong("delegation_id"), rs.getString("task_id"), rs.getString("task_name"),
                rs.getString("task_definition_key"), rs.getString("process_instance_id"), rs.getString("action"),
                rs.getString("acted_by"), rs.getString("acted_for"), rs.getObject("occurred_at", LocalDateTime.class));
    }
}
