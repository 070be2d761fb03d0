package vn.directivetracker.bench;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The baseline: a bare Camunda process pair (src/test/resources/bench) deployed into our engine,
 * with groups and users of its own and only the grants bare Camunda gives (a candidate group may
 * read and work on its task). Authorization stays on.
 */
final class BareCamunda {

    static final String PARENT = "bench-baseline-parent";
    static final String CHUNKED_PARENT = "bench-baseline-parent-chunked";
    static final String CHILD = "bench-baseline-child";
    static final String CLERK = "blclerk";
    static final String OFFICER = "blofficer";
    static final String PASSWORD = "demo";

    private final ProcessEngine engine;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final List<String> groups = new ArrayList<>();

    BareCamunda(ProcessEngine engine, JdbcClient jdbc, TransactionTemplate tx) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.tx = tx;
        for (int i = 1; i <= BenchSizes.LETTER_ASSIGNMENTS; i++) {
            groups.add(String.format("bl%03d", i));
        }
    }

    void deploy() {
        engine.getRepositoryService().createDeployment().name("bench-baseline")
                .addClasspathResource("bench/baseline-parent.bpmn")
                .addClasspathResource("bench/baseline-parent-chunked.bpmn")
                .addClasspathResource("bench/baseline-child.bpmn")
                .deploy();
        IdentityService identity = engine.getIdentityService();
        groups.forEach(this::group);
        group(CLERK);
        user(CLERK, CLERK);
        user(OFFICER, officerGroup());
    }

    /** The group whose tasks the baseline officer lists. */
    String officerGroup() {
        return groups.get(0);
    }

    List<String> groups() {
        return groups;
    }

    /** A parent waiting at its user task, with the 170 groups to fan out to. */
    String startParent() {
        return engine.getRuntimeService().startProcessInstanceByKey(PARENT, Variables.createVariables()
                .putValue("groups", json(new ArrayList<>(groups))))
                .getId();
    }

    /**
     * A parent of the batched baseline waiting at its user task: the same 170 groups, whose children are
     * created {@code chunkSize} per job (one transaction) once it is issued.
     */
    String startChunkedParent(int chunkSize) {
        List<Integer> chunkStarts = new ArrayList<>();
        for (int start = 0; start < groups.size(); start += chunkSize) {
            chunkStarts.add(start);
        }
        return engine.getRuntimeService().startProcessInstanceByKey(CHUNKED_PARENT, Variables.createVariables()
                .putValue("groups", json(new ArrayList<>(groups)))
                .putValue("chunkStarts", json(chunkStarts))
                .putValue("chunkSize", chunkSize))
                .getId();
    }

    private static Object json(List<?> list) {
        return Variables.objectValue(list).serializationDataFormat("application/json").create();
    }

    /** The baseline clerk completes the parent's user task (either parent). */
    void issue(String parentId) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(parentId).singleResult();
        engine.getIdentityService().setAuthentication(CLERK, List.of(CLERK));
        try {
            engine.getTaskService().complete(task.getId());
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /**
     * The count a wait for these parents' {@code expected} child tasks polls, for a wait whose clock starts
     * now (make it before issuing the parents). First the cheap count, like our side's (OurLetters.ready):
     * the baseline's tasks created since now, by Camunda's index on {@code CREATE_TIME_} — never fewer than
     * the parents' child tasks, as each is created after now. Only once that reaches {@code expected} the
     * exact count, a join over the parents' executions, which cost ~47–59 ms of PostgreSQL per poll at
     * 17,000 children, 13 % of the server's time while bare Camunda's b ran (2026-12-03), where our side's
     * wait read one index (ADR 39). The stop condition is the exact count's, unchanged.
     */
    IntSupplier childTaskCount(List<String> parentIds, int expected) {
        Timestamp since = new Timestamp(System.currentTimeMillis());
        return () -> {
            int created = jdbc.sql("select count(*) from act_ru_task where create_time_ >= ? and task_def_key_ = 'BaselineWork'")
                    .param(since).query(Integer.class).single();
            return created < expected ? created : childTasks(parentIds);
        };
    }

    /** Child tasks that exist under these parents. */
    int childTasks(List<String> parentIds) {
        return jdbc.sql("""
                select count(*) from act_ru_task t join act_ru_execution e on e.id_ = t.proc_inst_id_
                where e.root_proc_inst_id_ in (:ids) and t.task_def_key_ = 'BaselineWork'
                """).param("ids", parentIds).query(Integer.class).single();
    }

    /** Bare child instances started directly, {@code batch} per transaction (data for the task lists). */
    void startChildren(int count, int batch, IntFunction<String> groupOf) {
        for (int done = 0; done < count; done += batch) {
            int from = done;
            int to = Math.min(count, done + batch);
            tx.executeWithoutResult(status -> {
                for (int i = from; i < to; i++) {
                    engine.getRuntimeService().startProcessInstanceByKey(CHILD, Variables.putValue("group", groupOf.apply(i)));
                }
            });
        }
    }

    private void group(String id) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName("Đối chứng " + id);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void user(String id, String group) {
        IdentityService identity = engine.getIdentityService();
        User user = identity.newUser(id);
        user.setFirstName("Đối chứng");
        user.setLastName(id);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, group);
    }
}
