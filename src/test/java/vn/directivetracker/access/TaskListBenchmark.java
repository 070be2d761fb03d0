package vn.directivetracker.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.directivetracker.bench.MachineUse;
import vn.directivetracker.identity.CamundaIdentity;

/**
 * Issue 11, an officer's task list at scale: not a test (surefire skips *Benchmark*), a measuring
 * tool for ADR 18. Runs the whole application against a PostgreSQL given by {@code bench.db.url}
 * (default: a server started by hand on port 55432, database {@code dt}; ADR 22 used Debian's PostgreSQL 15
 * binaries: {@code initdb}, {@code fsync=off}, {@code shared_buffers=256MB}, {@code pg_stat_statements}), tops the open tasks up to
 * each of {@code bench.stages} (default 6000,100000) with a one-user-task process (candidate group: an
 * agency, round robin over every agency group — the shape of a bare Camunda child; labelled
 * {@code bench-task-list}, never deleted) and prints p50/p95 at {@code bench.concurrency} (4) of:
 * <ul>
 * <li>{@code engine}: {@code TaskService} query {@code candidateGroup=SNGV, maxResults=50} authenticated as
 *     {@code cbsngv} with their groups, in-process (the engine's share);</li>
 * <li>{@code engine filter}: the Tasklist filter "Việc của đơn vị", sorted by creation time (Tasklist's default);</li>
 * <li>{@code coordinator task count}, {@code coordinator instance count} (c=1): {@code count()} of every open task
 *     and process instance as {@code dieuphoi}, whose grants are on {@code *} (Tasklist and Cockpit counts);</li>
 * <li>{@code http version}: {@code GET /engine-rest/version} with Basic (our filter chain, no task query);</li>
 * <li>{@code bare http task}: the same request as {@code blbench}, an officer whose only grants are those
 *     Camunda gives a candidate group (the baseline of bench/, same engine, same run): its tasks are a
 *     copy of SNGV's (ids end in {@code -b});</li>
 * <li>{@code http task}: {@code GET /engine-rest/task?candidateGroup=SNGV&maxResults=50} with Basic;</li>
 * <li>{@code http filter}: {@code POST /engine-rest/filter/{id}/list} as Tasklist sends it.</li>
 * </ul>
 * {@code bench.only} (labels, comma-separated) runs some of them, {@code bench.requests} (100) sets the
 * requests per thread.
 * Run: {@code ./mvnw -B -o test -Dtest=TaskListBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (with {@code -Dbench.db.url=...} for another server). With {@code pg_stat_statements} installed in the
 * database the top statements of each measurement are printed too ({@code -Dbench.statements=true}: calls,
 * mean execution and planning time, plans; {@code pg_stat_statements.track_planning=on} for the latter).
 * <p>
 * ADR 26: each row also prints its cost per request, less sensitive to a shared machine than wall time —
 * CPU of Tomcat's request threads ({@code ThreadMXBean}), of the whole JVM (with the client, GC and JIT), of the
 * PostgreSQL backends of this database (from {@code /proc}, so only for a server on this machine), and the SQL
 * statements per request ({@code pg_stat_statements}). Every HTTP answer must come without {@code Set-Cookie}
 * (HTTP Basic is stateless). For a profile add e.g.
 * {@code -DargLine="-Xmx1g -XX:FlightRecorderOptions:stackdepth=512 -XX:StartFlightRecording=filename=list.jfr,settings=profile"};
 * each row prints its time window to cut the recording.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=${bench.db.url:jdbc:postgresql://localhost:55432/dt}",
    "spring.datasource.username=${bench.db.user:postgres}",
    "spring.datasource.password=${bench.db.password:postgres}",
    "directive-tracker.demo.load-demo-scenario=false"})
@ActiveProfiles("test")
class TaskListBenchmark {

    private static final String KEY = "bench-task-list";
    private static final String USER = "cbsngv";
    private static final String GROUP = "SNGV";
    /** The baseline: an officer whose only grants are those Camunda gives a candidate group (as bench/BareCamunda). */
    private static final String BARE_USER = "blbench";
    private static final String COORDINATOR = "dieuphoi";
    private static final String BARE_GROUP = "blbench";

    @LocalServerPort int port;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired FilterService filterService;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;
    @Autowired ProcessEngine engine;
    private String engineName;

    private final HttpClient http = HttpClient.newHttpClient();
    private final int concurrency = Integer.getInteger("bench.concurrency", 4);
    private final int requests = Integer.getInteger("bench.requests", 100);

    @Test
    void taskList() throws Exception {
        engineName = engine.getName();
        deploy();
        bareOfficer();
        for (String stage : System.getProperty("bench.stages", "6000,100000").split(",")) {
            seed(Integer.parseInt(stage.trim()));
            measure();
        }
    }

    private void deploy() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count() > 0) {
            return;
        }
        BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
                .startEvent().userTask("work").name("Benchmark task").camundaCandidateGroups("${group}").endEvent().done();
        repositoryService.createDeployment().name(KEY).addModelInstance(KEY + ".bpmn", model).deploy();
    }

    private void bareOfficer() {
        if (identityService.createUserQuery().userId(BARE_USER).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(BARE_GROUP);
        group.setName("Baseline officers");
        identityService.saveGroup(group);
        org.camunda.bpm.engine.identity.User user = identityService.newUser(BARE_USER);
        user.setPassword("demo");
        identityService.saveUser(user);
        identityService.createMembership(BARE_USER, BARE_GROUP);
    }

    private void seed(int target) {
        List<String> agencies = identityService.createGroupQuery().groupType(CamundaIdentity.TYPE_AGENCY).list()
                .stream().map(Group::getId).sorted().toList();
        long open = taskService.createTaskQuery().count();
        long started = System.nanoTime();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        int engineTasks = Integer.getInteger("bench.engine-tasks", 6000);
        while (open < Math.min(target, engineTasks)) {
            int batch = (int) Math.min(1000, target - open);
            long offset = open;
            tx.executeWithoutResult(status -> {
                for (int i = 0; i < batch; i++) {
                    runtimeService.startProcessInstanceByKey(KEY,
                            Map.of("group", agencies.get((int) ((offset + i) % agencies.size()))));
                }
            });
            open += batch;
        }
        for (int copy = 1; open < target; copy++) {
            open += cloneTasks(copy);
        }
        seedBareTasks();
        System.out.printf(Locale.ROOT, "%n=== %d open tasks (%d agencies; seeding took %.1f s); task grants: %d, SNGV tasks: %d, baseline tasks: %d%n",
                open, agencies.size(), (System.nanoTime() - started) / 1e9,
                jdbc.sql("select count(*) from act_ru_authorization where resource_type_ = 7").query(Long.class).single(),
                taskService.createTaskQuery().taskCandidateGroup(GROUP).count(),
                taskService.createTaskQuery().taskCandidateGroup(BARE_GROUP).count());
        jdbc.sql("analyze").update();
    }

    /**
     * Beyond {@code bench.engine-tasks}, open tasks are copied in SQL (labelled: ids end in {@code -cN}):
     * each engine-made task of the benchmark process once more with its identity links and its task
     * grants, which is all a task list reads. Minutes of engine starts become seconds.
     */
    private int cloneTasks(int copy) {
        String originals = "select t.id_ from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_"
                + " where d.key_ = '" + KEY + "' and t.id_ not like '%-c%' and t.id_ not like '%-b'";
        String suffix = "-c" + copy;
        int tasks = clone("act_ru_task", "id_", "id_ in (" + originals + ")", suffix, Map.of());
        clone("act_ru_identitylink", "task_id_", "task_id_ in (" + originals + ")", suffix, Map.of());
        clone("act_ru_authorization", "resource_id_", "resource_type_ = 7 and resource_id_ in (" + originals + ")", suffix, Map.of());
        return tasks;
    }

    /**
     * The baseline officer's tasks (labelled: ids end in {@code -b}): a copy of every task of {@value #GROUP},
     * offered to {@value #BARE_GROUP} instead, with the grant Camunda gives a candidate group and nothing else.
     */
    private void seedBareTasks() {
        if (taskService.createTaskQuery().taskCandidateGroup(BARE_GROUP).count() >= taskService.createTaskQuery().taskCandidateGroup(GROUP).count()) {
            return;
        }
        jdbc.sql("delete from act_ru_authorization where group_id_ = ? and resource_type_ = 7").param(BARE_GROUP).update();
        jdbc.sql("delete from act_ru_identitylink where group_id_ = ?").param(BARE_GROUP).update();
        jdbc.sql("delete from act_ru_task where id_ like '%-b'").update();
        String own = "select i.task_id_ from act_ru_identitylink i join act_ru_task t on t.id_ = i.task_id_"
                + " join act_re_procdef d on d.id_ = t.proc_def_id_ where d.key_ = '" + KEY + "' and i.group_id_ = '" + GROUP + "'";
        Map<String, String> toBare = Map.of("group_id_", "'" + BARE_GROUP + "'");
        clone("act_ru_task", "id_", "id_ in (" + own + ")", "-b", Map.of());
        clone("act_ru_identitylink", "task_id_", "group_id_ = '" + GROUP + "' and task_id_ in (" + own + ")", "-b", toBare);
        clone("act_ru_authorization", "resource_id_", "resource_type_ = 7 and group_id_ = '" + GROUP + "' and resource_id_ in (" + own + ")",
                "-b", toBare);
    }

    private int clone(String table, String reference, String where, String suffix, Map<String, String> replaced) {
        List<String> columns = jdbc.sql("select column_name from information_schema.columns where table_name = ? order by ordinal_position")
                .param(table).query(String.class).list();
        String select = String.join(", ", columns.stream().map(c -> replaced.containsKey(c.toLowerCase(Locale.ROOT))
                ? replaced.get(c.toLowerCase(Locale.ROOT))
                : c.equalsIgnoreCase("id_") || c.equalsIgnoreCase(reference) ? c + " || '" + suffix + "'" : c).toList());
        return jdbc.sql("insert into " + table + " (" + String.join(", ", columns) + ") select " + select + " from " + table
                + " where " + where).update();
    }

    private void measure() throws Exception {
        List<String> groups = identityService.createGroupQuery().groupMember(USER).list().stream().map(Group::getId).toList();
        String filterId = filterService.createFilterQuery().filterName(TasklistFilters.MY_AGENCY).singleResult().getId();
        String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":demo").getBytes(StandardCharsets.UTF_8));

        String rest = "/engine-rest/engine/" + engineName;
        run("engine task query", () -> asUser(groups, () ->
                taskService.createTaskQuery().taskCandidateGroup(GROUP).listPage(0, 50)));
        run("engine filter", () -> asUser(groups, () -> filterService.<Task, TaskQuery>listPage(filterId,
                taskService.createTaskQuery().orderByTaskCreateTime().desc(), 0, 50)));
        // Not the officer's list: what a coordinator's Tasklist and Cockpit counts cost (READ_TASK, READ_INSTANCE on '*').
        List<String> coordinatorGroups = identityService.createGroupQuery().groupMember(COORDINATOR).list().stream().map(Group::getId).toList();
        run("coordinator task count", 1, () -> asUser(COORDINATOR, coordinatorGroups, () -> taskService.createTaskQuery().count()));
        run("coordinator instance count", 1, () -> asUser(COORDINATOR, coordinatorGroups,
                () -> runtimeService.createProcessInstanceQuery().count()));
        run("http version c=1", 1, () -> get(basic, "/engine-rest/version"));
        run("http version", () -> get(basic, "/engine-rest/version"));
        String bareBasic = "Basic " + Base64.getEncoder().encodeToString((BARE_USER + ":demo").getBytes(StandardCharsets.UTF_8));
        run("bare http task", () -> get(bareBasic, rest + "/task?candidateGroup=" + BARE_GROUP + "&maxResults=50"));
        run("http task c=1", 1, () -> get(basic, rest + "/task?candidateGroup=" + GROUP + "&maxResults=50"));
        run("http task", () -> get(basic, rest + "/task?candidateGroup=" + GROUP + "&maxResults=50"));
        run("http filter", () -> send(HttpRequest.newBuilder(uri(rest + "/filter/" + filterId + "/list?firstResult=0&maxResults=50"))
                .header("Authorization", basic).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}")).build()));
    }

    private long asUser(String user, List<String> groups, Callable<Long> count) throws Exception {
        identityService.setAuthentication(user, groups);
        try {
            long counted = count.call();
            assertThat(counted).isPositive();
            return counted;
        } finally {
            identityService.clearAuthentication();
        }
    }

    private List<Task> asUser(List<String> groups, Callable<List<Task>> query) throws Exception {
        identityService.setAuthentication(USER, groups);
        try {
            List<Task> tasks = query.call();
            assertThat(tasks).isNotEmpty();
            return tasks;
        } finally {
            identityService.clearAuthentication();
        }
    }

    private String get(String basic, String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic).header("Accept", "application/json").GET().build());
    }

    private String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.body().length() < 3) {
            throw new IllegalStateException(request.uri() + " → " + response.statusCode() + " " + response.body());
        }
        // A Basic request must not create a session (SecurityConfig: stateless): that would be work and memory per call.
        if (response.headers().firstValue("Set-Cookie").isPresent()) {
            throw new IllegalStateException(request.uri() + " created a session: " + response.headers().firstValue("Set-Cookie").get());
        }
        return response.body();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private void run(String label, Callable<?> call) throws Exception {
        run(label, concurrency, call);
    }

    private void run(String label, int concurrency, Callable<?> call) throws Exception {
        String only = System.getProperty("bench.only", "");
        if (!only.isEmpty() && Arrays.stream(only.split(",")).noneMatch(label::equals)) {
            return;
        }
        resetStatements();
        CpuSample before = CpuSample.take(jdbc);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        call.call();
                    }
                    long[] times = new long[requests];
                    for (int i = 0; i < requests; i++) {
                        long start = System.nanoTime();
                        call.call();
                        times[i] = System.nanoTime() - start;
                    }
                    return times;
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> future : futures) {
                long[] times = future.get();
                long[] merged = Arrays.copyOf(all, all.length + times.length);
                System.arraycopy(times, 0, merged, all.length, times.length);
                all = merged;
            }
            Arrays.sort(all);
            System.out.printf(Locale.ROOT, "%-20s c=%d n=%d  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  (%s to %s)%n", label, concurrency,
                    all.length, all[all.length / 2] / 1e6, all[(int) (all.length * 0.95)] / 1e6, all[all.length - 1] / 1e6, before.at(), java.time.Instant.now());
            CpuSample after = CpuSample.take(jdbc);
            MachineUse.Window machine = after.machine().since(before.machine());
            int calls = concurrency * (requests + 10);
            System.out.printf(Locale.ROOT, "%-20s per request: CPU %.2f ms in Tomcat's request threads, %.2f ms whole JVM"
                    + " (client and GC included), %.2f ms PostgreSQL backends; %s SQL statements%n", "",
                    (after.httpThreadsNanos(before) / 1e6) / calls, 1000 * machine.jvmCpuSeconds() / calls,
                    1000 * machine.postgresCpuSeconds() / calls, statementsPerCall(calls));
        } finally {
            pool.shutdown();
        }
        printStatements();
    }

    /** SQL statements per request from pg_stat_statements (BEGIN and COMMIT included), or "?" without it. */
    private String statementsPerCall(int calls) {
        try {
            long total = jdbc.sql("select coalesce(sum(calls), 0) from pg_stat_statements where query not like '%pg_stat%'"
                    + " and query not like '%pg_backend_pid%'").query(Long.class).single();
            return String.format(Locale.ROOT, "%.2f", (double) total / calls);
        } catch (RuntimeException notInstalled) {
            return "?";
        }
    }

    /**
     * CPU used so far by Tomcat's request threads (per thread, so threads started in between count from
     * zero), and by this JVM and PostgreSQL's backends of this database ({@link MachineUse}, for a server on
     * this machine).
     */
    private record CpuSample(java.time.Instant at, Map<Long, Long> httpThreads, MachineUse machine) {

        static CpuSample take(JdbcClient jdbc) {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            Map<Long, Long> http = new java.util.HashMap<>();
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && info.getThreadName().startsWith("http-nio-") && info.getThreadName().contains("exec")) {
                    http.put(info.getThreadId(), threads.getThreadCpuTime(info.getThreadId()));
                }
            }
            return new CpuSample(java.time.Instant.now(), http, MachineUse.now(jdbc));
        }

        long httpThreadsNanos(CpuSample before) {
            long sum = 0;
            for (Map.Entry<Long, Long> thread : httpThreads.entrySet()) {
                if (thread.getValue() >= 0) {
                    sum += thread.getValue() - Math.max(0, before.httpThreads.getOrDefault(thread.getKey(), 0L));
                }
            }
            return sum;
        }
    }

    private void resetStatements() {
        try {
            jdbc.sql("select pg_stat_statements_reset()").query().singleRow();
        } catch (RuntimeException notInstalled) {
            // pg_stat_statements is optional
        }
    }

    private void printStatements() {
        if (!Boolean.getBoolean("bench.statements")) {
            return;
        }
        try {
            jdbc.sql("""
                    select calls, round(mean_exec_time::numeric, 2) as mean_ms, round(total_exec_time::numeric) as total_ms,
                           plans, round(mean_plan_time::numeric, 2) as plan_ms,
                           left(regexp_replace(query, '\\s+', ' ', 'g'), 220) as q
                    from pg_stat_statements where query not like '%pg_stat_statements%' order by calls desc, total_exec_time desc limit 14""")
                    .query().listOfRows()
                    .forEach(row -> System.out.printf(Locale.ROOT, "    %6s calls %8s ms avg %7s ms total, %5s plans %6s ms avg  %s%n",
                            row.get("calls"), row.get("mean_ms"), row.get("total_ms"), row.get("plans"), row.get("plan_ms"), row.get("q")));
        } catch (RuntimeException notInstalled) {
            // pg_stat_statements is optional
        }
    }
}
