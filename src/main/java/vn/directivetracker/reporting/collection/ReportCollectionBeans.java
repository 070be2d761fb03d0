package vn.directivetracker.reporting.collection;

import static vn.directivetracker.reporting.collection.ReportCollectionProcess.Variables.*;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.directivetracker.common.CurrentActor;
import vn.directivetracker.common.Decisions;

/** The delegates and task listeners of {@code report-collection}, each a line or two over the services. */
@Configuration
class ReportCollectionBeans {

    /** Who wrote the report: kept in the agency's own instance until the head approves it. */
    @Bean
    TaskListener recordReportPrepared(CurrentActor actor) {
        return task -> task.setVariable(PREPARED_BY, actor.completing(task));
    }

    /**
     * The head's approval is the submission: its time decides on time or late (as for assignments,
     * ADR 5), so it is written here, in the completing transaction, not by a later job.
     */
    @Bean
    TaskListener recordReportDecision(ReportCollectionService collection, CurrentActor actor) {
        return task -> {
            if (Decisions.APPROVE.equals(task.getVariable(HEAD_DECISION))) {
                collection.submit(ReportCollectionProcess.reportPeriodId(task), (String) task.getVariable(AGENCY_CODE),
                        (String) task.getVariable(REPORT_TEXT), (String) task.getVariable(REPORT_FIGURES),
                        (String) task.getVariable(PREPARED_BY), actor.completing(task));
            }
        };
    }

    @Bean
    JavaDelegate sendReportReminderDelegate(ReportNotifications notifications) {
        return execution -> notifications.send(ReportNotifications.Event.REPORT_DUE_SOON,
                ReportCollectionProcess.reportPeriodId(execution), (String) execution.getVariable(AGENCY_CODE));
    }

    @Bean
    JavaDelegate sendReportOverdueNoticeDelegate(ReportNotifications notifications) {
        return execution -> notifications.send(ReportNotifications.Event.REPORT_OVERDUE,
                ReportCollectionProcess.reportPeriodId(execution), (String) execution.getVariable(AGENCY_CODE));
    }

    /** Marks the missing, then hands the coordinator the summary and the links. */
    @Bean
    JavaDelegate summarizeSubmissionsDelegate(ReportCollectionService collection) {
        return execution -> {
            long id = ReportCollectionProcess.reportPeriodId(execution);
            SubmissionSummary summary = collection.collect(id);
            execution.setVariable(SUMMARY, summary.text());
            execution.setVariable(REPORT_PERIOD_URL, collection.periodUrl(id));
            execution.setVariable(CONSOLIDATED_REPORT_URL, collection.periodUrl(id) + "/consolidated.docx");
            execution.setVariable(STATISTICS_URL, collection.periodUrl(id) + "/statistics.xlsx");
        };
    }

    @Bean
    TaskListener recordConsolidation(CurrentActor actor) {
        return task -> task.setVariable(CONSOLIDATED_BY, actor.completing(task));
    }

    @Bean
    JavaDelegate closeReportPeriodDelegate(ReportCollectionService collection) {
        return execution -> collection.markConsolidated(ReportCollectionProcess.reportPeriodId(execution),
                (String) execution.getVariable(CONSOLIDATED_BY));
    }
}
