package vn.directivetracker.operations;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a finished fan-out must look like, read from the one database: for the given letters, every
 * assignment has exactly one running {@code agency-assignment} instance, exactly one open
 * acknowledgement task and exactly one assignment notice in the outbox, and no incident exists.
 * A child is counted by where it runs (under the letter's {@code directive-execution}), the assignment
 * it works by its binding: an extra child, bound or not, makes {@code children} exceed the assignments.
 */
public record FanOutInvariants(long assignments, long children, long assignmentsWithChild, long ackTasks,
        long assignmentsWithAckTask, long notices, long incidents, long failedJobs) {

    public static FanOutInvariants read(JdbcClient db, List<Long> directives) {
        String ids = directives.stream().map(String::valueOf).collect(Collectors.joining(","));
        String ofLetters = "(select id from assignment where directive_id in (" + ids + "))";
        // The children of these letters: agency-assignment instances under their directive-execution
        // (the hierarchy's root); which assignment each works is its binding (assignment.process_instance_id),
        // not a variable (the child has none since ADR 27).
        String childrenOfLetters = """
                select e.ID_ from ACT_RU_EXECUTION e join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_
                where e.ID_ = e.PROC_INST_ID_ and d.KEY_ = 'agency-assignment' and e.ROOT_PROC_INST_ID_ in
                (select execution_process_instance_id from directive where id in (""" + ids + "))";
        long[] children = pair(db, "select (select count(*) from (" + childrenOfLetters + ") c), count(distinct a.id)"
                + " from assignment a where a.directive_id in (" + ids + ") and a.process_instance_id in (" + childrenOfLetters + ")");
        long[] tasks = pair(db, "select count(*), count(distinct a.id) from ACT_RU_TASK t"
                + " left join assignment a on a.process_instance_id = t.PROC_INST_ID_ and a.directive_id in (" + ids + ")"
                + " where t.TASK_DEF_KEY_ = 'AcknowledgeReceipt' and t.PROC_INST_ID_ in (" + childrenOfLetters + ")");
        return new FanOutInvariants(
                one(db, "select count(*) from assignment where directive_id in (" + ids + ")"),
                children[0], children[1], tasks[0], tasks[1],
                one(db, "select count(*) from notification where dedup_key like 'assignment-received:%' and directive_id in (" + ids + ")"),
                one(db, "select count(*) from ACT_RU_INCIDENT"),
                one(db, "select count(*) from ACT_RU_JOB where RETRIES_ = 0"));
    }

    /** Every assignment has its child, task and notice, once each. */
    public boolean complete(long expectedAssignments) {
        return assignments == expectedAssignments && children == assignments && assignmentsWithChild == assignments
                && ackTasks == assignments && assignmentsWithAckTask == assignments && notices == assignments;
    }

    private static long one(JdbcClient db, String sql) {
        return db.sql(sql).query(Long.class).single();
    }

    private static long[] pair(JdbcClient db, String sql) {
        return db.sql(sql).query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }
}
