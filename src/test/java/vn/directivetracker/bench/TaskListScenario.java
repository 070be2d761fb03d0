package vn.directivetracker.bench;

import java.util.List;

/**
 * Figure d: an officer's task list, {@code GET /engine-rest/task?candidateGroup=<agency>&maxResults=50}
 * with HTTP Basic, at T open tasks in the engine. The tasks beyond those of our letters (figures a, b)
 * are bare child instances started 1,000 per transaction, their candidate groups alternating between
 * our agencies and the baseline's groups, so both the officer (cbsngv, group SNGV) and the baseline
 * officer (blofficer, group bl001) have more than a page of tasks.
 */
final class TaskListScenario {

    static final String OFFICER = "cbsngv";
    static final String AGENCY = "SNGV";

    /** At most this long per side, so a slow list cannot stretch the run. */
    private static final java.time.Duration BUDGET = java.time.Duration.ofMinutes(2);

    private final BareCamunda bare;
    private final Database db;
    private final Http http;

    TaskListScenario(BareCamunda bare, Database db, Http http) {
        this.bare = bare;
        this.db = db;
        this.http = http;
    }

    void run(int openTasks, int requests, Figures figures) {
        long open = db.count("select count(*) from act_ru_task");
        int filler = (int) Math.max(0, openTasks - open);
        List<String> agencies = db.jdbc().sql("select code from agency where active order by code").query(String.class).list();
        List<String> groups = bare.groups();
        long start = System.nanoTime();
        bare.startChildren(filler, 1000, i -> i % 2 == 0 ? agencies.get((i / 2) % agencies.size()) : groups.get((i / 2) % groups.size()));
        long total = db.count("select count(*) from act_ru_task");
        System.out.printf("[bench] d. %d bare child instances started in %.1f s; %d open tasks%n", filler,
                (System.nanoTime() - start) / 1e9, total);
        // VACUUM too, not only ANALYZE: the filler's ~45,000 instances otherwise leave autovacuum's
        // insert-triggered VACUUM of the task tables to run whenever its round comes, possibly beside
        // the timed requests (as e's did in the 2026-12-02 17:35 run). Both officers' lists are timed after it.
        db.jdbc().sql("vacuum analyze").update();
        // The filler's tasks in our agencies' groups get the new-task email like any task (TaskMailPlugin,
        // for the members with an address). They are sent before the clock starts, as c drains the outbox
        // before its own: the lists are timed on a quiet application, not beside the dispatcher.
        long pending = db.count("select count(*) from notification where status = 'PENDING'");
        long quietFrom = System.nanoTime();
        db.awaitQuiet(java.time.Duration.ofMinutes(15));
        System.out.printf("[bench] d. %d pending emails sent in %.1f s before timing%n", pending,
                (System.nanoTime() - quietFrom) / 1e9);

        String ours = "/engine-rest/task?candidateGroup=" + AGENCY + "&maxResults=50";
        String baseline = "/engine-rest/task?candidateGroup=" + bare.officerGroup() + "&maxResults=50";
        requireTasks(OFFICER, "demo", ours);
        requireTasks(BareCamunda.OFFICER, BareCamunda.PASSWORD, baseline);
        Latencies bareTimes = Latencies.measure(4, 50, requests, BUDGET,
                () -> http.get(BareCamunda.OFFICER, BareCamunda.PASSWORD, baseline).statusCode());
        Latencies ourTimes = Latencies.measure(4, 50, requests, BUDGET, () -> http.get(OFFICER, "demo", ours).statusCode());
        figures.compared("d. officer's task list at " + String.format("%,d", total) + " open tasks, c=4 (engine REST, HTTP Basic)", bareTimes, ourTimes, "p95 ≤ 50 ms, ratio ≤ 1");
    }

    /** Correctness: the list is not empty, so its time is that of a real page. */
    private void requireTasks(String user, String password, String path) {
        var response = http.get(user, password, path);
        if (response.statusCode() != 200 || response.body().length() < 10) {
            throw new IllegalStateException(user + " " + path + " → " + response.statusCode() + ": " + response.body());
        }
    }
}
