package vn.directivetracker.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.support.IntegrationTest;

/**
 * {@link JobAcquisitionByDueDate} (ADR 35): every job the engine creates has a due date, the job
 * executor's acquisition returns due jobs oldest first and leaves out jobs due later, and a job
 * without a due date (written by an older version, or cleared by hand) is acquired once the start-up
 * backfill has given it one.
 */
class JobAcquisitionByDueDateTest extends IntegrationTest {

    private static final String PROBE = "jobAcquisitionProbe";

    @Autowired ProcessEngineConfigurationImpl engine;

    private String deploymentId;

    @BeforeEach
    void deployProbe() {
        // One async continuation before a user task: starting an instance leaves one message job.
        deploymentId = processEngine.getRepositoryService().createDeployment()
                .addModelInstance(PROBE + ".bpmn", Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
                        .startEvent().camundaAsyncAfter().userTask().endEvent().done())
                .deploy().getId();
    }

    @AfterEach
    void removeProbe() {
        processEngine.getRepositoryService().deleteDeployment(deploymentId, true);
    }

    @Test
    void theEngineIsConfiguredToAcquireByDueDateAndGiveEveryJobOne() {
        assertThat(engine.isEnsureJobDueDateNotNull()).isTrue();
        assertThat(engine.isJobExecutorAcquireByDueDate()).isTrue();
        Date before = new Date(System.currentTimeMillis() - 1000);
        Job job = probeJob();
        assertThat(job.getDuedate()).as("an async continuation's due date").isNotNull().isAfterOrEqualTo(before);
    }

    @Test
    void dueJobsAreAcquiredOldestFirstAndLaterOnesNotAtAll() {
        Job second = probeJob();
        Job first = probeJob();
        Job later = probeJob();
        managementService.setJobDuedate(first.getId(), Date.from(Instant.parse("2000-01-01T00:00:00Z")));
        managementService.setJobDuedate(second.getId(), Date.from(Instant.parse("2000-01-02T00:00:00Z")));
        managementService.setJobDuedate(later.getId(), Date.from(Instant.now().plusSeconds(3600)));

        List<String> acquirable = acquirable(1000);
        assertThat(acquirable).startsWith(first.getId(), second.getId()).doesNotContain(later.getId());
        assertThat(acquirable(1)).containsExactly(first.getId());
    }

    @Test
    void aJobWithoutDueDateIsAcquiredOnlyOnceTheBackfillGaveItOne() {
        Job job = probeJob();
        managementService.setJobDuedate(job.getId(), null);
        int revision = revision(job.getId());
        assertThat(acquirable(1000)).as("no due date: not acquired").doesNotContain(job.getId());

        assertThat(JobAcquisitionByDueDate.giveDueDates(engine)).isEqualTo(1);

        assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getDuedate()).isNotNull();
        assertThat(revision(job.getId())).as("the revision goes up with the due date").isEqualTo(revision + 1);
        assertThat(acquirable(1000)).contains(job.getId());
        assertThat(JobAcquisitionByDueDate.giveDueDates(engine)).as("nothing left to give").isZero();
        // The engine still runs the job it holds at the new revision.
        managementService.executeJob(job.getId());
        assertThat(managementService.createJobQuery().jobId(job.getId()).count()).isZero();
    }

    protected Job probeJob() {
        String instance = runtimeService.startProcessInstanceByKey(PROBE).getId();
        return managementService.createJobQuery().processInstanceId(instance).singleResult();
    }

    /** What the job executor's acquisition query returns now, in its order, without locking anything. */
    protected List<String> acquirable(int max) {
        return engine.getCommandExecutorTxRequired().execute(command -> command.getJobManager()
                .findNextJobsToExecute(new Page(0, max)).stream().map(AcquirableJobEntity::getId).toList());
    }

    private int revision(String jobId) {
        return jdbc.sql("select REV_ from ACT_RU_JOB where ID_ = ?").param(jobId).query(Integer.class).single();
    }
}
