package vn.directivetracker.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.directivetracker.notification.OutboxRetention;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;
import vn.directivetracker.support.TestMailServer;

/**
 * Retention (ADR 13): two years on, Camunda's history cleanup removes the history of finished process
 * instances and the outbox purge removes old sent emails — and nothing else: running instances keep
 * their history, our directive, assignment and journal rows stay, unsent emails stay.
 */
class RetentionTest extends IntegrationTest {

    @Autowired HistoryService historyService;
    @Autowired ApplicationContext context;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theNightlyCleanupWindowAndProcessTimeToLiveAreConfigured() {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
        assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(config.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(processEngine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list())
                .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isEqualTo(730));
    }

    @Test
    void twoYearsOnCleanupRemovesFinishedHistoryAndOldSentMailAndNothingElse() {
        TestMailServer.start();
        long directive = submitAndIssue(DirectiveFixtures.smallDirective("V/v thử lưu trữ " + System.nanoTime(), List.of("SNGV"), List.of()));
        flushEarlierMail();
        String issuance = directiveService.get(directive).issuanceProcessInstanceId();
        List<String> running = jdbc.sql("select process_instance_id from assignment where directive_id = ?").param(directive)
                .query(String.class).list();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(issuance).finished().count()).isOne();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(running)).count())
                .isEqualTo(running.size());
        // One email that failed: retention must not touch it (nor anything pending).
        long waiting = jdbc.sql("select max(id) from notification where directive_id = ?").param(directive).query(Long.class).single();
        jdbc.sql("update notification set status = 'FAILED' where id = ?").param(waiting).update();
        long sentOfDirective = count("notification where status = 'SENT' and directive_id = " + directive);
        assertThat(sentOfDirective).isPositive();
        long unsettled = count("notification where status not in ('SENT', 'KEPT')");
        long directives = count("directive");
        long assignments = count("assignment");
        long journal = count("directive_event");
        long reports = count("progress_report");

        // 89 days on: nothing is old enough yet.
        moveClock(Duration.ofDays(89));
        assertThat(purgeOutbox()).isZero();
        // 731 days on: past the outbox's 90 days and the processes' 730-day time to live.
        moveClock(Duration.ofDays(731));
        assertThat(purgeOutbox()).isGreaterThanOrEqualTo((int) sentOfDirective);
        // The cleanup removes a batch per run (other tests' finished instances are due too): run it
        // until ours is gone, as the engine would within its nightly window.
        for (int run = 0; run < 50 && historyService.createHistoricProcessInstanceQuery().processInstanceId(issuance).count() > 0; run++) {
            Job cleanup = historyService.cleanUpHistoryAsync(true);
            managementService.executeJob(cleanup.getId());
        }

        assertThat(count("notification where status = 'SENT' and directive_id = " + directive)).isZero();
        assertThat(count("notification where status not in ('SENT', 'KEPT')")).isEqualTo(unsettled);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(issuance).count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(running)).count())
                .as("running instances keep their history").isEqualTo(running.size());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(running)).count())
                .isEqualTo(running.size());
        assertThat(count("directive")).isEqualTo(directives);
        assertThat(count("assignment")).isEqualTo(assignments);
        assertThat(count("directive_event")).as("the journal is kept for good").isEqualTo(journal);
        assertThat(count("progress_report")).isEqualTo(reports);
        jdbc.sql("update notification set status = 'SENT' where id = ?").param(waiting).update();
    }

    private int purgeOutbox() {
        return context.getBean(OutboxRetention.class).purge();
    }

    private static void moveClock(Duration ahead) {
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + ahead.toMillis()));
    }
}
