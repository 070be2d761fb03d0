package vn.directivetracker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.directivetracker.directive.DirectiveService;
import vn.directivetracker.notification.MailSettings;
import vn.directivetracker.support.PgStatements;
import vn.directivetracker.support.TestMailServer;

/**
 * The benchmark of issue 11 (BENCHMARKS.md, bench/METHOD.md): the whole application as in
 * production — PostgreSQL 15, the job executor and the mail dispatcher running, GreenMail as SMTP,
 * authorization and HTTP Basic on — with a bare-Camunda baseline deployed into the same engine.
 * Run by {@code ./mvnw -B -Pbench verify} only; it asserts correctness, never a time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "directive-tracker.demo.load-seed-directive=false",
        "directive-tracker.demo.load-demo-scenario=false",
        "logging.level.org.camunda.bpm.engine.jobexecutor=warn",
        "logging.level.org.camunda.bpm.engine.context=error",
        "logging.level.com.icegreen=warn"})
@Import(BenchPostgres.class)
class DirectiveTrackerBenchmark {

    @Autowired ProcessEngine engine;
    @Autowired DirectiveService directives;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired MailSettings mail;
    @Autowired MeterRegistry meters;
    @LocalServerPort int port;
    /** Each figure's share of the machine (steal included), for BENCHMARKS.md. */
    private final Map<String, MachineUse.Window> machineUse = new LinkedHashMap<>();
    /** The batched baseline creates its children in chunks of the size our fan-out uses (ADR 23). */
    @Value("${directive-tracker.fan-out.chunk-size:20}") int chunkSize;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMailServer::port);
    }

    @Test
    void benchmark() {
        long start = System.nanoTime();
        BenchSizes sizes = BenchSizes.fromSystemProperties();
        BenchSelection selection = BenchSelection.fromSystemProperties();
        System.out.println("[bench] sizes " + sizes + (selection.all() ? "" : "; figures " + selection.figures()));
        Figures figures = new Figures();
        Database db = new Database(jdbc);
        Http http = new Http(port);
        BareCamunda bare = new BareCamunda(engine, jdbc, new TransactionTemplate(transactions));
        bare.deploy();
        OurLetters letters = new OurLetters(directives, engine.getTaskService(), engine.getIdentityService(), jdbc);
        FanOutScenario fanOut = new FanOutScenario(letters, bare, chunkSize, db);

        attempt(selection, figures, "a", () -> fanOut.oneLetter(sizes.repeats(), figures));
        attempt(selection, figures, "b", () -> fanOut.manyLetters(sizes.letters(), figures));
        // ADR 31: the dispatcher's setting as this run had it, and how often it left fresh mail waiting.
        var yielded = meters.find("directive.tracker.mail.yielded.rounds").counter();
        System.out.printf("[bench] mail dispatcher: yield-at-most %s, rounds yielded during a and b: %.0f%n",
                mail.dispatcher().yieldAtMost(), yielded == null ? 0 : yielded.count());
        attempt(selection, figures, "c", () -> new ReminderScenario(db).run(
                Math.min(sizes.reminders(), sizes.letters() * BenchSizes.LETTER_ASSIGNMENTS), fanOut.bulkDirectives(), figures));
        attempt(selection, figures, "d", () -> new TaskListScenario(bare, db, http, new LeanHttp(port)).run(sizes.openTasks(), sizes.requests(), figures));
        attempt(selection, figures, "e", () -> new StatisticsScenario(new BulkAssignments(jdbc), db, http, port)
                .run(sizes.assignments(), sizes.statRequests(), figures));
        attempt(selection, figures, "f", () -> new StartupScenario().run(figures));

        double minutes = (System.nanoTime() - start) / 60e9;
        System.out.println("\n[bench] " + sizes + "; polling every " + Poll.INTERVAL_MS + " ms\n" + figures.table());
        System.out.println("[bench] rows written per assignment (b):\n"
                + BenchmarksReport.rows(fanOut.oursRowsPerAssignment(), fanOut.bareRowsPerChild()));
        if (!selection.all()) {
            System.out.printf("[bench] figures %s only: BENCHMARKS.md left as it was; the run took %.1f minutes%n",
                    selection.figures(), minutes);
            assertThat(figures.rows()).as("every selected figure measured").isNotEmpty()
                    .noneMatch(row -> row.figure().contains("failed"));
            return;
        }
        String command = sizes.command();
        BenchmarksReport.write(sizes, BenchmarksReport.machine(jdbc), figures, fanOut.oursRowsPerAssignment(),
                fanOut.bareRowsPerChild(), machineUse, minutes, command);
        System.out.printf("[bench] BENCHMARKS.md written; the run took %.1f minutes%n", minutes);
        assertThat(figures.rows()).as("every figure measured").hasSize(14)
                .noneMatch(row -> row.figure().contains("failed"));
    }

    /** Runs one scenario if selected; a failure is recorded in the table and the others still run. */
    private void attempt(BenchSelection selection, Figures figures, String scenario, Runnable run) {
        if (!selection.measures(scenario)) {
            return;
        }
        try {
            PgStatements.reset(jdbc);
            MachineUse before = MachineUse.now(jdbc);
            selection.record(scenario, run);
            MachineUse.Window window = MachineUse.now(jdbc).since(before);
            machineUse.put(scenario, window);
            System.out.printf("[bench] figure %s: %s%n", scenario, window.summary());
            PgStatements.print(jdbc, "figure " + scenario, 1);
        } catch (RuntimeException e) {
            e.printStackTrace();
            figures.failed(scenario, e);
        }
    }
}
