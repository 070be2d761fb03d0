package vn.directivetracker.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.directivetracker.common.Decisions;
import vn.directivetracker.directive.DirectiveIssuanceProcess;
import vn.directivetracker.directive.DirectiveRequest;
import vn.directivetracker.directive.DirectiveService;
import vn.directivetracker.support.DirectiveFixtures;

/**
 * Our letters, driven through the same service and engine calls as the tests (IntegrationTest):
 * the coordinator submits, the office leader approves, the chairman signs, the clerk registers and
 * issues — each as themselves, with their groups, so authorization applies. What is ready is read
 * from the database only.
 */
final class OurLetters {

    private final DirectiveService directives;
    private final TaskService tasks;
    private final IdentityService identity;
    private final JdbcClient jdbc;
    /** Whether this wait for ready assignments has refreshed the statistics of what it reads (see {@link #ready}). */
    private boolean analyzed;
    private final Map<String, List<String>> groups = new HashMap<>();

    OurLetters(DirectiveService directives, TaskService tasks, IdentityService identity, JdbcClient jdbc) {
        this.directives = directives;
        this.tasks = tasks;
        this.identity = identity;
        this.jdbc = jdbc;
    }

    /**
     * A letter of exactly {@value BenchSizes#LETTER_ASSIGNMENTS} assignments due in 10 working days:
     * item 1 to every agency of the registry, item 2 to as many of them again as make up 170.
     */
    DirectiveRequest letter(String subject) {
        List<String> agencies = jdbc.sql("select code from agency where active order by code").query(String.class).list();
        int first = Math.min(agencies.size(), BenchSizes.LETTER_ASSIGNMENTS);
        List<String> item1 = agencies.subList(0, first);
        List<String> item2 = agencies.subList(0, BenchSizes.LETTER_ASSIGNMENTS - first);
        DirectiveRequest.Item one = DirectiveFixtures.itemDueIn(10, "1", "Triển khai nhiệm vụ đo hiệu năng", item1, List.of());
        if (item2.isEmpty()) {
            return DirectiveFixtures.directive(subject, List.of("ALL_AGENCIES"), one);
        }
        return DirectiveFixtures.directive(subject, List.of("ALL_AGENCIES"), one,
                DirectiveFixtures.itemDueIn(10, "2", "Báo cáo kết quả đo hiệu năng", item2, List.of()));
    }

    /** Submitted, approved and signed: the clerk's issuing task is open. Answers the directive id. */
    long prepare(String subject) {
        long[] id = new long[1];
        asUser("dieuphoi", () -> id[0] = directives.submit(letter(subject), "dieuphoi"));
        String pi = directives.get(id[0]).issuanceProcessInstanceId();
        complete(pi, DirectiveIssuanceProcess.Elements.REVIEW_DRAFT, "lanhdaovp",
                Map.of(DirectiveIssuanceProcess.Variables.REVIEW_DECISION, Decisions.APPROVE));
        complete(pi, DirectiveIssuanceProcess.Elements.SIGN_DIRECTIVE, "lanhdaoubnd",
                Map.of(DirectiveIssuanceProcess.Variables.SIGN_DECISION, Decisions.APPROVE));
        return id[0];
    }

    /** The clerk's click: registers and issues. From here on the fan-out is the job executor's. */
    void issue(long directiveId) {
        complete(directives.get(directiveId).issuanceProcessInstanceId(), DirectiveIssuanceProcess.Elements.REGISTER_AND_ISSUE,
                "vanthu", Map.of("registered", true));
    }

    /**
     * Assignments of these directives that have an open task and their notice ("Giao nhiệm vụ") in the
     * outbox, and with {@code withWatch} also the deadline watch's timer job (ADR 32: the watch holds one
     * timer at a time, first the acknowledgement reminder's, then the ladder's); while fewer than
     * {@code expected} are bound to their process, that number.
     */
    int ready(List<Long> directiveIds, boolean withWatch, int expected) {
        // First the cheap count (index on directive_id): assignments bound to their process. A child
        // binds its assignment in the transaction that creates its task, notice and timers, so fewer
        // bound means fewer ready, and the full check below — which scans the outbox, ~30–60 ms of
        // the same 2 cores at 17,000 assignments — runs only once all are bound. The stop condition
        // is the full check's, unchanged (bench/METHOD.md).
        int bound = jdbc.sql("select count(*) from assignment where directive_id in (:ids) and process_instance_id is not null")
                .param("ids", directiveIds).query(Integer.class).single();
        if (bound < expected) {
            analyzed = false;
            return bound;
        }
        // The tables the check reads grew by tens of thousands of rows during the burst, and their
        // statistics are autovacuum's, taken whenever its one-minute round came by. With statistics from
        // before the burst the planner chose plans that scan a whole table once per assignment: twice on
        // 2026-12-02 (17:06, 17:19) the check took ~2 minutes after every notice had been written within
        // 27 s. Analyzed once per wait, the check's plan no longer depends on autovacuum's timing. Only
        // for b (withWatch): a's 170 rows make any plan cheap, and its sub-second figure would carry the
        // ANALYZE's own time.
        if (withWatch && !analyzed) {
            jdbc.sql("analyze assignment, notification, act_ru_task, act_ru_job").update();
            analyzed = true;
        }
        String watch = withWatch ? """
                 and exists (select 1 from act_ru_job j
                             where j.process_instance_id_ = a.process_instance_id and j.type_ = 'timer')""" : "";
        return jdbc.sql("""
                select count(*) from assignment a
                where a.directive_id in (:ids)
                  and exists (select 1 from act_ru_task t where t.proc_inst_id_ = a.process_instance_id)
                  and exists (select 1 from notification n where n.assignment_id = a.id and n.event_type = 'ASSIGNMENT_RECEIVED')
                """ + watch).param("ids", directiveIds).query(Integer.class).single();
    }

    private void complete(String processInstanceId, String taskKey, String user, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw new IllegalStateException("No task " + taskKey + " in " + processInstanceId);
        }
        asUser(user, () -> {
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), variables);
        });
    }

    private void asUser(String user, Runnable action) {
        List<String> ids = groups.computeIfAbsent(user,
                u -> identity.createGroupQuery().groupMember(u).list().stream().map(Group::getId).toList());
        identity.setAuthentication(user, ids);
        try {
            action.run();
        } finally {
            identity.clearAuthentication();
        }
    }
}
