package vn.directivetracker.directive;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Variables.*;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.assignment.DirectiveAssignments;
import vn.directivetracker.assignment.AgencyAssignmentProcess;
import vn.directivetracker.operations.FanOutInvariants;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/** directive-execution: one child per assignment, created in chunks (ADR 23), evaluation once all are done, then closed. */
class DirectiveExecutionProcessTest extends IntegrationTest {

    @Autowired AgencyRegistry registry;
    @Autowired DirectiveAssignments directiveAssignments;

    /**
     * ADR 23: the letter's assignments are fanned out in chunks, one non-exclusive job per chunk.
     * A chunk whose 7th child cannot start rolls back whole — none of its children, tasks or notices
     * exist — while the other chunks are created; once the fault is gone its retry creates each of its
     * children exactly once, with its notice and first task.
     */
    @Test
    void eachChunksJobCreatesItsChildrenWithTasksAndNoticesOrNothing() {
        List<String> agencies = registry.expand("ALL_AGENCIES").subList(0, 45);
        long id = submitAndSign(DirectiveFixtures.smallDirective("Mỗi nhóm đơn vị một giao dịch", agencies, List.of()));
        String issuance = directiveService.get(id).issuanceProcessInstanceId();
        complete(issuance, DirectiveIssuanceProcess.Elements.REGISTER_AND_ISSUE, "vanthu", Map.of("registered", true));
        // Issue and start the execution; stop before its fan-out runs.
        while (directiveService.get(id).executionProcessInstanceId() == null) {
            managementService.executeJob(managementService.createJobQuery().processInstanceId(issuance).executable()
                    .list().get(0).getId());
        }
        String execution = directiveService.get(id).executionProcessInstanceId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(execution).singleResult().getId());

        // 45 assignments at chunk size 20: three chunks of 15, each its own job, none exclusive (they run in parallel).
        List<Job> chunkJobs = managementService.createJobQuery().processInstanceId(execution).list();
        Assertions.assertThat(chunkJobs).hasSize(3).allSatisfy(job -> Assertions.assertThat(((JobEntity) job).isExclusive()).isFalse());
        Map<String, List<Long>> chunkOfJob = new java.util.HashMap<>();
        for (Job job : chunkJobs) {
            chunkOfJob.put(job.getId(), directiveAssignments.idsIn(runtimeService.getVariable(job.getExecutionId(),
                    DirectiveExecutionProcess.Variables.ASSIGNMENT_BATCH)));
        }
        List<Long> assignments = jdbc.sql("select id from assignment where directive_id = ? order by id").param(id)
                .query(Long.class).list();
        Assertions.assertThat(chunkOfJob.values()).allSatisfy(chunk -> Assertions.assertThat(chunk).hasSize(15));
        Assertions.assertThat(chunkOfJob.values().stream().flatMap(List::stream).toList())
                .containsExactlyInAnyOrderElementsOf(assignments);

        // The 7th child of one chunk cannot start (its row is bound elsewhere): its chunk rolls back whole.
        Job faulty = chunkJobs.get(1);
        List<Long> faultyChunk = chunkOfJob.get(faulty.getId());
        long blocked = faultyChunk.get(6);
        jdbc.sql("update assignment set process_instance_id = 'elsewhere' where id = ?").param(blocked).update();
        Job failed = null;
        for (Job job : chunkJobs) {
            try {
                managementService.executeJob(job.getId());
            } catch (RuntimeException e) {
                Assertions.assertThat(failed).as("only the faulty chunk fails").isNull();
                Assertions.assertThat(e).hasMessageContaining(String.valueOf(blocked));
                failed = job;
            }
        }
        Assertions.assertThat(failed).isNotNull().extracting(Job::getId).isEqualTo(faulty.getId());
        List<String> bound = jdbc.sql("select coalesce(process_instance_id, '-') from assignment where id in ("
                + faultyChunk.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")) + ") and id <> ?")
                .param(blocked).query(String.class).list();
        Assertions.assertThat(bound).as("no child of the faulty chunk is left bound").containsOnly("-");
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(execution).count()).isEqualTo(30);
        Assertions.assertThat(notices(id)).isEqualTo(30);
        Assertions.assertThat(noticesOf(faultyChunk)).isZero();
        Assertions.assertThat(FanOutInvariants.read(jdbc, List.of(id)))
                .satisfies(state -> Assertions.assertThat(state.children()).isEqualTo(30).isEqualTo(state.assignmentsWithChild()))
                .satisfies(state -> Assertions.assertThat(state.ackTasks()).isEqualTo(30).isEqualTo(state.assignmentsWithAckTask()));

        // Fault removed: the retry creates the chunk's 15 children, once each.
        jdbc.sql("update assignment set process_instance_id = null where id = ?").param(blocked).update();
        managementService.executeJob(failed.getId());
        List<ProcessInstance> children = runtimeService.createProcessInstanceQuery().superProcessInstanceId(execution).list();
        Assertions.assertThat(children).hasSize(agencies.size());
        for (ProcessInstance child : children) {
            // Its notice is counted below (noticesOf): NotifyAgency has no activity history (ADR 39).
            assertThat(child).isWaitingAt(AgencyAssignmentProcess.Elements.ACKNOWLEDGE_RECEIPT);
        }
        Assertions.assertThat(FanOutInvariants.read(jdbc, List.of(id)).complete(agencies.size())).isTrue();
        Assertions.assertThat(noticesOf(faultyChunk)).isEqualTo(15);
        // Nothing of the fan-out is left to a job: only timers (the acknowledgement reminder) wait.
        Assertions.assertThat(managementService.createJobQuery().processInstanceId(execution).count()).isZero();
        Assertions.assertThat(managementService.createJobQuery().executable().list())
                .noneMatch(job -> children.stream().anyMatch(c -> c.getId().equals(job.getProcessInstanceId())));
    }

    private long noticesOf(List<Long> assignmentIds) {
        return jdbc.sql("select count(*) from notification where dedup_key like 'assignment-received:%' and assignment_id in ("
                + assignmentIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")) + ")")
                .query(Long.class).single();
    }

    private long notices(long directiveId) {
        return jdbc.sql("select count(*) from notification where dedup_key like 'assignment-received:%' and directive_id = ?")
                .param(directiveId).query(Long.class).single();
    }

    @Test
    void evaluatesAndClosesWhenEveryAssignmentIsDone() {
        long id = submitAndIssue(DirectiveFixtures.smallDirective("Hai đơn vị", List.of("SNGV"), List.of("STC")));
        Directive directive = directiveService.get(id);
        ProcessInstance execution = runtimeService.createProcessInstanceQuery()
                .processInstanceId(directive.executionProcessInstanceId()).singleResult();
        Assertions.assertThat(execution.getBusinessKey()).isEqualTo(directive.number());
        assertThat(execution).isWaitingAt(DirectiveExecutionProcess.Elements.EXECUTE_ASSIGNMENTS);

        List<ProcessInstance> children = runtimeService.createProcessInstanceQuery()
                .superProcessInstanceId(execution.getId()).list();
        Assertions.assertThat(children).extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrder(directive.number() + "/SNGV", directive.number() + "/STC");

        for (ProcessInstance child : children) {
            String agency = child.getBusinessKey().substring(child.getBusinessKey().lastIndexOf('/') + 1).toLowerCase();
            complete(child.getId(), AgencyAssignmentProcess.Elements.ACKNOWLEDGE_RECEIPT, "cb" + agency, Map.of());
            complete(child.getId(), AgencyAssignmentProcess.Elements.REPORT_PROGRESS, "cb" + agency,
                    Map.of(PROGRESS_NOTE, "Hoàn thành", PROGRESS_PERCENT, 100, RESULT_READY, true));
            complete(child.getId(), AgencyAssignmentProcess.Elements.APPROVE_RESULT, "ld" + agency, Map.of(HEAD_DECISION, "APPROVE"));
            complete(child.getId(), AgencyAssignmentProcess.Elements.REVIEW_RESULT, "dieuphoi", Map.of(REVIEW_DECISION, "ACCEPT"));
            executeJobs();
            assertThat(child).isEnded();
        }

        assertThat(execution).isWaitingAt(DirectiveExecutionProcess.Elements.EVALUATE_DIRECTIVE);
        complete(execution.getId(), DirectiveExecutionProcess.Elements.EVALUATE_DIRECTIVE, "dieuphoi",
                Map.of(DirectiveExecutionProcess.Variables.EVALUATION_COMMENT, "Các đơn vị hoàn thành tốt"));
        executeJobs();
        assertThat(execution).hasPassed(DirectiveExecutionProcess.Elements.CLOSE_DIRECTIVE).isEnded();
        Assertions.assertThat(directiveService.get(id).status()).isEqualTo(DirectiveStatus.CLOSED);
    }
}
