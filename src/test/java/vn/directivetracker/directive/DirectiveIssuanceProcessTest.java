package vn.directivetracker.directive;

import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.directivetracker.directive.DirectiveIssuanceProcess.Elements.*;
import static vn.directivetracker.directive.DirectiveIssuanceProcess.Variables.*;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/** Every path of directive-issuance: approve straight through, return at review, return at signature. */
class DirectiveIssuanceProcessTest extends IntegrationTest {

    @Autowired DirectiveService directives;
    @Autowired DirectiveRepository repository;

    private long submit(String subject) {
        long[] id = new long[1];
        asUser("dieuphoi", () -> id[0] = directives.submit(
                DirectiveFixtures.smallDirective(subject, List.of("SNGV"), List.of("STC")), "dieuphoi"));
        return id[0];
    }

    private ProcessInstance instance(long directiveId) {
        return runtimeService.createProcessInstanceQuery()
                .processInstanceId(directives.get(directiveId).issuanceProcessInstanceId())
                .singleResult();
    }

    @Test
    void approvedDraftIsSignedNumberedIssuedAndStartsExecution() {
        long id = submit("Phê duyệt thẳng");
        ProcessInstance pi = instance(id);
        assertThat(pi).isWaitingAt(REVIEW_DRAFT);
        assertThat(task(pi.getId(), REVIEW_DRAFT)).hasCandidateGroup("officeleader");

        complete(pi.getId(), REVIEW_DRAFT, "lanhdaovp", Map.of(REVIEW_DECISION, "APPROVE", REVIEW_COMMENT, "Đồng ý"));
        assertThat(pi).isWaitingAt(SIGN_DIRECTIVE);
        assertThat(task(pi.getId(), SIGN_DIRECTIVE)).hasCandidateGroup("provincialleader");
        Assertions.assertThat(directives.get(id).status()).isEqualTo(DirectiveStatus.AWAITING_SIGNATURE);

        complete(pi.getId(), SIGN_DIRECTIVE, "lanhdaoubnd", Map.of(SIGN_DECISION, "APPROVE"));
        assertThat(pi).isWaitingAt(REGISTER_AND_ISSUE);
        assertThat(task(pi.getId(), REGISTER_AND_ISSUE)).hasCandidateGroup("clerk");

        complete(pi.getId(), REGISTER_AND_ISSUE, "vanthu", Map.of("registered", true));
        assertThat(pi).isWaitingAt(ISSUE_DIRECTIVE);
        Assertions.assertThat(directives.get(id).number()).isNull();

        executeJobs();
        assertThat(pi).hasPassedInOrder(REVIEW_DRAFT, SIGN_DIRECTIVE, REGISTER_AND_ISSUE, ISSUE_DIRECTIVE,
                START_EXECUTION, NOTIFY_RECIPIENTS).isEnded();
        Directive issued = directives.get(id);
        Assertions.assertThat(issued.status()).isEqualTo(DirectiveStatus.ISSUED);
        Assertions.assertThat(issued.number()).matches("\\d{2,}/UBND-KGVX");
        Assertions.assertThat(issued.executionProcessInstanceId()).isNotNull();
        Assertions.assertThat(repository.events(id)).extracting(DirectiveEvent::type, DirectiveEvent::actor)
                .containsSubsequence(tuple("SUBMITTED", "dieuphoi"), tuple("REVIEW_APPROVED", "lanhdaovp"),
                        tuple("SIGNED", "lanhdaoubnd"));
    }

    @Test
    void returnAtReviewGoesBackToTheDrafterWithTheComment() {
        long id = submit("Trả lại khi kiểm tra dự thảo");
        ProcessInstance pi = instance(id);

        complete(pi.getId(), REVIEW_DRAFT, "lanhdaovp", Map.of(REVIEW_DECISION, "RETURN", REVIEW_COMMENT, "Bổ sung căn cứ"));
        assertThat(pi).isWaitingAt(REVISE_DRAFT);
        assertThat(task(pi.getId(), REVISE_DRAFT)).isAssignedTo("dieuphoi");
        Assertions.assertThat(directives.get(id).status()).isEqualTo(DirectiveStatus.RETURNED_FOR_REVISION);
        Assertions.assertThat(repository.events(id)).extracting(DirectiveEvent::type, DirectiveEvent::comment)
                .contains(tuple("REVIEW_RETURNED", "Bổ sung căn cứ"));

        complete(pi.getId(), REVISE_DRAFT, "dieuphoi", Map.of(REVISION_NOTE, "Đã bổ sung căn cứ"));
        assertThat(pi).isWaitingAt(REVIEW_DRAFT);
        Assertions.assertThat(directives.get(id).status()).isEqualTo(DirectiveStatus.IN_REVIEW);

        complete(pi.getId(), REVIEW_DRAFT, "lanhdaovp", Map.of(REVIEW_DECISION, "APPROVE"));
        assertThat(pi).isWaitingAt(SIGN_DIRECTIVE);
    }

    @Test
    void returnAtSignatureGoesBackThroughRevisionAndReviewAgain() {
        long id = submit("Trả lại khi ký");
        ProcessInstance pi = instance(id);
        complete(pi.getId(), REVIEW_DRAFT, "lanhdaovp", Map.of(REVIEW_DECISION, "APPROVE"));

        complete(pi.getId(), SIGN_DIRECTIVE, "lanhdaoubnd", Map.of(SIGN_DECISION, "RETURN", SIGN_COMMENT, "Làm rõ thời hạn"));
        assertThat(pi).isWaitingAt(REVISE_DRAFT);
        complete(pi.getId(), REVISE_DRAFT, "dieuphoi", Map.of(REVISION_NOTE, "Đã làm rõ"));
        assertThat(pi).isWaitingAt(REVIEW_DRAFT);
        complete(pi.getId(), REVIEW_DRAFT, "lanhdaovp", Map.of(REVIEW_DECISION, "APPROVE"));
        complete(pi.getId(), SIGN_DIRECTIVE, "lanhdaoubnd", Map.of(SIGN_DECISION, "APPROVE"));
        assertThat(pi).isWaitingAt(REGISTER_AND_ISSUE);
        Assertions.assertThat(repository.events(id)).extracting(DirectiveEvent::type)
                .containsSubsequence("REVIEW_APPROVED", "SIGN_RETURNED", "REVISED", "REVIEW_APPROVED", "SIGNED");
    }

    @Test
    void numbersRunInSequenceWithinTheYear() {
        long first = submit("Số thứ nhất");
        long second = submit("Số thứ hai");
        for (long id : List.of(first, second)) {
            String pi = directives.get(id).issuanceProcessInstanceId();
            complete(pi, REVIEW_DRAFT, "lanhdaovp", Map.of(REVIEW_DECISION, "APPROVE"));
            complete(pi, SIGN_DIRECTIVE, "lanhdaoubnd", Map.of(SIGN_DECISION, "APPROVE"));
            complete(pi, REGISTER_AND_ISSUE, "vanthu", Map.of("registered", true));
            executeJobs();
        }
        int a = Integer.parseInt(directives.get(first).number().split("/")[0]);
        int b = Integer.parseInt(directives.get(second).number().split("/")[0]);
        Assertions.assertThat(b).isEqualTo(a + 1);
    }
}
