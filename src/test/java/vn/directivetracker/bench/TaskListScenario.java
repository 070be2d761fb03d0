package vn.directivetracker.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import vn.directivetracker.support.Http11Answer;

/**
 * Figure d: an officer's task list, {@code GET /engine-rest/task?candidateGroup=<agency>&maxResults=50}
 * with HTTP Basic, at T open tasks in the engine, timed with {@link LeanHttp}; d′ the same with the
 * JDK's HttpClient, as before ADR 41. The tasks beyond those of our letters (figures a, b)
 * are bare child instances started 1,000 per transaction, their candidate groups alternating between
 * our agencies and the baseline's groups, so both the officer (cbsngv, group SNGV) and the baseline
 * officer (blofficer, group bl001) have more than a page of tasks.
 */
final class TaskListScenario {

    static final String OFFICER = "cbsngv";
    static final String AGENCY = "SNGV";

    /** At most this long per side, so a slow list cannot stretch the run. */
    private static final java.time.Duration BUDGET = java.time.Duration.ofMinutes(2);

    /** Untimed requests per side before any is timed, in rounds that alternate the sides (-Dbench.listWarmups). */
    private static final int WARM_UP_PER_ROUND = 250;
    /** Timed requests per side and round; the sides alternate round by round (ADR 41). */
    private static final int ROUND = 100;
    /** Untimed requests at the start of each round, so its timed ones find the client's threads and connections up. */
    private static final int ROUND_WARM_UP = 8;
    /** Rounded up, so a -Dbench.listWarmups below one round still warms up one round rather than none. */
    private static final int WARM_UP_ROUNDS = (Integer.getInteger("bench.listWarmups", 1000) + WARM_UP_PER_ROUND - 1) / WARM_UP_PER_ROUND;

    private final BareCamunda bare;
    private final Database db;
    private final Http http;
    private final LeanHttp lean;

    TaskListScenario(BareCamunda bare, Database db, Http http, LeanHttp lean) {
        this.bare = bare;
        this.db = db;
        this.http = http;
        this.lean = lean;
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
        // The JVM warmed up first, both sides alternately, before either is timed: the list's own path
        // (Jersey's task resource, MyBatis rendering Camunda's task query, the DTOs) is not compiled by
        // figures a-c, and a d-only run of 2026-12-03 showed the C2 compiler at ~16 % of the machine
        // during the timed requests after 50 warm-ups. An officer's list runs on a server that has been
        // answering Tasklist for hours; its steady state is what d measures (ADR 40). Both clients warm up.
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            Latencies.warmUp(4, WARM_UP_PER_ROUND, BUDGET, () -> lean.get(BareCamunda.OFFICER, BareCamunda.PASSWORD, baseline).status());
            Latencies.warmUp(4, WARM_UP_PER_ROUND, BUDGET, () -> lean.get(OFFICER, "demo", ours).status());
            Latencies.warmUp(4, WARM_UP_PER_ROUND, BUDGET, () -> http.get(BareCamunda.OFFICER, BareCamunda.PASSWORD, baseline).statusCode());
            Latencies.warmUp(4, WARM_UP_PER_ROUND, BUDGET, () -> http.get(OFFICER, "demo", ours).statusCode());
        }
        // d is timed with the lean client (ADR 41): the client shares the server's two cores, and the JDK's
        // HttpClient cost the machine 1–3 ms of CPU per request that a browser on another computer does not.
        // The two sides are timed in alternating rounds (ADR 41), so a change in the host's load during d
        // reaches both alike: the two officers' requests cost the same (ADR 26), and one side timed after
        // the other read ratios from 0.79 to 1.14 in runs of the same code.
        Side bareSide = new Side("bare Camunda's officer", () -> listed(lean.get(BareCamunda.OFFICER, BareCamunda.PASSWORD, baseline)));
        Side ourSide = new Side("our officer", () -> listed(lean.get(OFFICER, "demo", ours)));
        alternately(requests, bareSide, ourSide);
        figures.compared("d. officer's task list at " + String.format("%,d", total) + " open tasks, c=4 (engine REST, HTTP Basic)",
                bareSide.times, ourSide.times, "p95 ≤ 50 ms, ratio ≤ 1");
        // The same client, connection, Basic login, filters and Jersey, without a query: what any engine REST
        // request costs on this machine at c=4 before its SQL, so d's p95 can be read against its floor.
        Side floor = new Side("GET /engine-rest/version", () -> lean.get(OFFICER, "demo", "/engine-rest/version").status());
        alternately(requests, floor);
        figures.alone("d₀. floor of d: GET /engine-rest/version as the officer, c=4 (same client and filters, no SQL)", floor.times.summary(),
                "reference for d");
        // d as measured before ADR 41, with the JDK's HttpClient, so runs before and after can be compared.
        Side bareJdk = new Side("bare Camunda's officer, JDK HttpClient",
                () -> http.get(BareCamunda.OFFICER, BareCamunda.PASSWORD, baseline).statusCode());
        Side ourJdk = new Side("our officer, JDK HttpClient", () -> http.get(OFFICER, "demo", ours).statusCode());
        alternately(requests, bareJdk, ourJdk);
        figures.compared("d′. d with the JDK's HttpClient as the client (the method before ADR 41)", bareJdk.times, ourJdk.times, "reference for d");
    }

    /**
     * Times {@code requests} requests of every side in rounds of {@link #ROUND}, the sides' order reversed
     * every round (A B, B A, A B, …), then prints each side's figures.
     */
    private void alternately(int requests, Side... sides) {
        for (int round = 0; round * ROUND < requests; round++) {
            int count = Math.min(ROUND, requests - round * ROUND);
            for (int i = 0; i < sides.length; i++) {
                sides[round % 2 == 0 ? i : sides.length - 1 - i].round(count);
            }
        }
        for (Side side : sides) {
            side.print();
        }
    }

    /**
     * One side of d: its request, its response times over all rounds, and what the rounds cost the machine
     * per request (a few untimed requests per round included): the JVM (server and client), of it Tomcat's
     * request threads and the client's threads, and PostgreSQL.
     */
    private final class Side {
        private final String name;
        private final Callable<Integer> request;
        private Latencies times;
        private MachineUse.Window window;
        private int sent;
        private long tomcatNanos;
        private long clientNanos;

        Side(String name, Callable<Integer> request) {
            this.name = name;
            this.request = request;
        }

        void round(int count) {
            AtomicInteger sentNow = new AtomicInteger();
            AtomicLong callers = new AtomicLong();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long tomcatBefore = threadsCpuNanos("http-nio-");
            long httpClientBefore = threadsCpuNanos("HttpClient-");
            MachineUse before = MachineUse.now(db.jdbc());
            Latencies measured = Latencies.measure(4, ROUND_WARM_UP, count, BUDGET, () -> {
                sentNow.incrementAndGet();
                long cpu = threads.getCurrentThreadCpuTime();
                try {
                    return request.call();
                } finally {
                    callers.addAndGet(threads.getCurrentThreadCpuTime() - cpu);
                }
            });
            MachineUse.Window thisRound = MachineUse.now(db.jdbc()).since(before);
            tomcatNanos += threadsCpuNanos("http-nio-") - tomcatBefore;
            clientNanos += callers.get() + threadsCpuNanos("HttpClient-") - httpClientBefore;
            sent += sentNow.get();
            times = times == null ? measured : times.plus(measured);
            window = window == null ? thisRound : window.plus(thisRound);
        }

        void print() {
            System.out.printf(Locale.ROOT, "[bench] d. %s: %s; %s; of the JVM's: Tomcat's request threads %.1f ms, the client's threads %.1f ms%n",
                    name, times.summary(), window.perRequest(sent), tomcatNanos / 1e6 / sent, clientNanos / 1e6 / sent);
        }
    }

    /** CPU of the live threads whose name starts with {@code prefix} (a thread that ended is not counted). */
    private static long threadsCpuNanos(String prefix) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }

    /**
     * The answer's status, once its body is more than an empty list: the lean client parses no JSON, and a
     * timed request that came back "[]" would time a list that is not a page.
     */
    private static int listed(Http11Answer answer) {
        if (answer.status() == 200 && answer.bodyBytes() <= "[]".length()) {
            throw new IllegalStateException("an empty task list (" + answer.bodyBytes() + " bytes)");
        }
        return answer.status();
    }

    /** Correctness: the list is not empty, so its time is that of a real page. */
    private void requireTasks(String user, String password, String path) {
        var response = http.get(user, password, path);
        if (response.statusCode() != 200 || response.body().length() < 10) {
            throw new IllegalStateException(user + " " + path + " → " + response.statusCode() + ": " + response.body());
        }
    }
}
