package vn.directivetracker.support;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.directivetracker.directive.DirectiveIssuanceProcess;
import vn.directivetracker.directive.DirectiveRequest;
import vn.directivetracker.directive.DirectiveService;
import vn.directivetracker.notification.MailDispatcher;
import vn.directivetracker.common.Decisions;

/**
 * The whole application on a random port with the real engine, H2 (or, in subclasses, PostgreSQL)
 * and a real SMTP server. Async jobs are run by {@link #executeJobs()} and the mail outbox is emptied
 * by {@link #dispatchMail()}, so tests are deterministic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {

    @Autowired protected ProcessEngine processEngine;
    @Autowired protected RuntimeService runtimeService;
    @Autowired protected TaskService taskService;
    @Autowired protected ManagementService managementService;
    @Autowired protected IdentityService identityService;
    @Autowired protected JdbcClient jdbc;
    @Autowired protected TestRestTemplate rest;
    @Autowired protected DirectiveService directiveService;
    @Autowired protected MailDispatcher mailDispatcher;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMailServer::port);
    }

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(processEngine);
    }

    protected TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }

    /** Runs every due job, including those the jobs create, until none is left. */
    protected int executeJobs() {
        int executed = 0;
        for (int round = 0; round < 100; round++) {
            List<Job> jobs = managementService.createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return executed;
            }
            for (Job job : jobs) {
                managementService.executeJob(job.getId());
                executed++;
            }
        }
        throw new IllegalStateException("Jobs keep appearing after 100 rounds");
    }

    /** Waits for work done by the application's own threads (schedulers, job executor), polling. */
    protected static void awaitUntil(String what, java.time.Duration patience, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long end = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Not within " + patience.toSeconds() + " s: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Sends every email that is due, as the dispatcher thread would (it is off in tests). */
    protected int dispatchMail() {
        return mailDispatcher.dispatchDue();
    }

    /**
     * Sends whatever earlier tests left in the outbox, also rows those tests wrote while they had
     * moved the engine clock into the future (not due yet by the real clock), so that a mail test
     * starts from an empty outbox.
     */
    protected void flushEarlierMail() {
        jdbc.sql("update notification set next_attempt_at = ? where status = 'PENDING'")
                .param(java.time.LocalDateTime.now().minusMinutes(1))
                .update();
        dispatchMail();
    }

    /** The test mail server up, every email written before this test sent, and its inbox empty. */
    protected void mailServerUpWithEarlierMailSent() {
        TestMailServer.start();
        flushEarlierMail();
        TestMailServer.purge();
    }

    protected Task task(String processInstanceId, String taskKey) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw new AssertionError("No task " + taskKey + " in " + processInstanceId);
        }
        return task;
    }

    /** Claims and completes the task as the user would in Tasklist (authenticated, with their groups). */
    protected void complete(String processInstanceId, String taskKey, String user, Map<String, Object> variables) {
        Task task = task(processInstanceId, taskKey);
        asUser(user, () -> {
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), variables);
        });
    }

    protected void asUser(String user, Runnable action) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identityService.setAuthentication(user, groups);
        try {
            action.run();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Submits as the coordinator, approves, signs and issues, then runs the fan-out jobs. */
    protected long submitAndIssue(DirectiveRequest request) {
        long id = submitAndIssueLeavingJobs(request);
        executeJobs();
        return id;
    }

    /** Submits as the coordinator, approves, signs and issues; the fan-out jobs are left to whoever runs jobs. */
    protected long submitAndIssueLeavingJobs(DirectiveRequest request) {
        long id = submitAndSign(request);
        complete(directiveService.get(id).issuanceProcessInstanceId(), DirectiveIssuanceProcess.Elements.REGISTER_AND_ISSUE,
                "vanthu", Map.of("registered", true));
        return id;
    }

    /** Submits as the coordinator, approves and signs: the clerk's issuing task is open. */
    protected long submitAndSign(DirectiveRequest request) {
        long[] id = new long[1];
        asUser("dieuphoi", () -> id[0] = directiveService.submit(request, "dieuphoi"));
        String pi = directiveService.get(id[0]).issuanceProcessInstanceId();
        complete(pi, DirectiveIssuanceProcess.Elements.REVIEW_DRAFT, "lanhdaovp",
                Map.of(DirectiveIssuanceProcess.Variables.REVIEW_DECISION, Decisions.APPROVE));
        complete(pi, DirectiveIssuanceProcess.Elements.SIGN_DIRECTIVE, "lanhdaoubnd",
                Map.of(DirectiveIssuanceProcess.Variables.SIGN_DECISION, Decisions.APPROVE));
        return id[0];
    }

    /**
     * Tests that move the engine clock call this before and after: otherwise every process left
     * running by earlier tests in the shared context would fire its timers too.
     */
    protected void deleteAllProcessInstances() {
        List<String> ids = runtimeService.createProcessInstanceQuery().rootProcessInstances().list().stream()
                .map(org.camunda.bpm.engine.runtime.ProcessInstance::getId)
                .toList();
        if (!ids.isEmpty()) {
            runtimeService.deleteProcessInstances(ids, "test clean-up", true, true);
        }
    }

    /** The outbox rows of one assignment for one event, e.g. {@code ASSIGNMENT_RECEIVED}: what a notice step wrote. */
    protected long outboxRows(long assignmentId, String eventType) {
        return jdbc.sql("select count(*) from notification where assignment_id = ? and event_type = ?")
                .params(assignmentId, eventType).query(Long.class).single();
    }

    protected long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
