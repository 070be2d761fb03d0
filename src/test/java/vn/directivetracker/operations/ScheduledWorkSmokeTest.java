package vn.directivetracker.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.delegation.DelegationService;
import vn.directivetracker.directive.ReportSchedule;
import vn.directivetracker.reporting.ReportingFixtures;
import vn.directivetracker.support.IntegrationTest;
import vn.directivetracker.support.Mails;
import vn.directivetracker.support.TestMailServer;

/**
 * The scheduled work on its real schedulers, not called by the test: the mail dispatcher thread, the
 * daily digest, the report-period opener and the delegation sweep, with short but real intervals and
 * cron expressions (every other test switches them off). Each must run by itself and do its work
 * exactly once, however many times its schedule fires.
 */
@TestPropertySource(properties = {
        "directive-tracker.mail.dispatcher.enabled=true",
        "directive-tracker.mail.dispatcher.interval=1s",
        "directive-tracker.mail.digest.agencies=SNGV",
        "directive-tracker.mail.digest.cron=*/2 * * * * *",
        "directive-tracker.reporting.opener-cron=*/2 * * * * *",
        "directive-tracker.delegation.sweep-cron=*/2 * * * * *",
        "directive-tracker.retention.outbox-purge-cron=*/2 * * * * *"})
class ScheduledWorkSmokeTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired DelegationService delegations;
    @Autowired Clocks clocks;

    @BeforeEach
    void mailServer() {
        TestMailServer.start();
        TestMailServer.purge();
    }

    @Test
    void dispatcherDigestOpenerAndSweepRunOnTheirOwnScheduleAndDoTheirWorkOnce() throws Exception {
        LocalDate today = clocks.today();
        long directive = submitAndIssue(ReportingFixtures.directive("V/v thử công việc định kỳ " + System.nanoTime(),
                ReportingFixtures.ongoing("1", ReportSchedule.MONTHLY, "SNGV"),
                ReportingFixtures.due("2", today.plusDays(1), "SNGV")));
        // Issued two months ago: a monthly report is owed (the opener never asks for a period before issue).
        jdbc.sql("update directive set issue_date = ? where id = ?").params(today.minusMonths(2), directive).update();
        // A task of cbsngv's own that ldsngv cannot see, and a delegation to ldsngv from tomorrow (nothing
        // offered yet) that the calendar then reaches: the sweep offers the task.
        org.camunda.bpm.engine.task.Task own = taskService.newTask();
        own.setName("Việc riêng của cán bộ");
        own.setAssignee("cbsngv");
        taskService.saveTask(own);
        long delegation = delegations.create("cbsngv", "ldsngv", today.plusDays(1), today.plusDays(3), "Đi công tác",
                "cbsngv", false).id();
        assertThat(count("delegation_task where delegation_id = " + delegation)).isZero();
        jdbc.sql("update delegation set starts_on = ? where id = ?").params(today, delegation).update();

        awaitUntil("the opener opened the monthly report period",
                () -> count("report_period where directive_id = " + directive) > 0);
        awaitUntil("the digest was written", () -> count("notification where dedup_key = 'daily-digest:SNGV:" + today + "'") > 0);
        awaitUntil("the sweep offered the delegator's tasks", () -> count("delegation_task where delegation_id = " + delegation) > 0);
        awaitUntil("the dispatcher sent every email",
                () -> count("notification where status = 'PENDING'") == 0 && count("notification where status = 'SENT'") > 0);
        long offered = count("delegation_task where delegation_id = " + delegation);
        long sent = count("notification where status = 'SENT'");

        // Several more rounds of every schedule: nothing is done twice.
        Thread.sleep(5_000);
        assertThat(count("report_period where directive_id = " + directive)).isOne();
        assertThat(count("notification where dedup_key = 'daily-digest:SNGV:" + today + "'")).isOne();
        assertThat(count("delegation_task where delegation_id = " + delegation)).isEqualTo(offered);
        awaitUntil("every email written meanwhile is sent", () -> count("notification where status = 'PENDING'") == 0);
        Map<String, Long> received = Mails.countByKey(TestMailServer.SMTP);
        assertThat(received).containsKey("daily-digest:SNGV:" + today);
        assertThat(received).allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1));
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(
                jdbc.sql("select dedup_key from notification where status = 'SENT'").query(String.class).list());
        assertThat(sent).isPositive();
        // Retention ran too (every two seconds) and removed nothing recent.
        assertThat(count("notification where status = 'SENT'")).isGreaterThanOrEqualTo(sent);
    }

    private static void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        awaitUntil(what, PATIENCE, condition);
    }
}
