package vn.directivetracker.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.directivetracker.directive.DirectiveEvents;
import vn.directivetracker.directive.DirectiveStatus;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * {@code assignment} plans and cancels on {@code directive}'s events, inside the step's transaction:
 * a step that rolls back plans or cancels nothing, and a retried issuing step keeps its number and
 * adds no second assignment.
 */
class DirectiveReactionsTest extends IntegrationTest {

    @Autowired AssignmentRepository assignments;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired ApplicationContext context;

    @Test
    void anIssuingStepThatRollsBackNumbersAndPlansNothing() {
        long[] id = new long[1];
        asUser("dieuphoi", () -> id[0] = directiveService.submit(DirectiveFixtures.smallDirective(
                "V/v thử hoàn tác phát hành " + System.nanoTime(), List.of("SNGV", "SYT"), List.of()), "dieuphoi"));

        inTransactionRolledBack(() -> directiveService.issue(id[0]));

        assertThat(directiveService.get(id[0]).number()).isNull();
        assertThat(assignments.ofDirective(id[0])).isEmpty();
    }

    /**
     * ADR 39: the series' counter is updated, and so locked until commit, only after the letter's
     * assignments are planned: at the planning event this transaction has not yet counted the number
     * it takes, and right after issuing it has, by exactly one.
     */
    @Test
    void anIssuingStepPlansTheAssignmentsBeforeItTakesTheNumber() {
        long[] id = new long[1];
        asUser("dieuphoi", () -> id[0] = directiveService.submit(DirectiveFixtures.smallDirective(
                "V/v thử thứ tự cấp số " + System.nanoTime(), List.of("SNGV", "SYT"), List.of()), "dieuphoi"));
        List<Long> countedAtPlanning = new ArrayList<>();
        ApplicationListener<ApplicationEvent> probe = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof DirectiveEvents.Issuing) {
                countedAtPlanning.add(numbersCounted());
            }
        };
        ApplicationEventMulticaster multicaster = context.getBean(
                AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME, ApplicationEventMulticaster.class);
        multicaster.addApplicationListener(probe);
        try {
            inTransactionRolledBack(() -> {
                directiveService.issue(id[0]);
                assertThat(assignments.ofDirective(id[0])).hasSize(2);
                assertThat(countedAtPlanning).hasSize(1);
                assertThat(numbersCounted()).isEqualTo(countedAtPlanning.get(0) + 1);
            });
        } finally {
            multicaster.removeApplicationListener(probe);
        }
        assertThat(directiveService.get(id[0]).number()).isNull();
    }

    /** Every number given so far, over all series and years, as this transaction sees them. */
    private long numbersCounted() {
        return jdbc.sql("select coalesce(sum(last_number), 0) from document_number_counter").query(Long.class).single();
    }

    @Test
    void aRetriedIssuingStepKeepsTheNumberAndAddsNoSecondAssignment() {
        long id = submitAndIssue(DirectiveFixtures.smallDirective("V/v thử phát hành lại " + System.nanoTime(),
                List.of("SNGV", "SYT"), List.of()));
        String number = directiveService.get(id).number();
        List<Long> planned = assignments.idsOfDirective(id);
        assertThat(planned).hasSize(2);

        String again = new TransactionTemplate(transactionManager).execute(status -> directiveService.issue(id));

        assertThat(again).isEqualTo(number);

        assertThat(assignments.idsOfDirective(id)).isEqualTo(planned);
    }

    @Test
    void aRevocationThatRollsBackCancelsNothing() {
        long id = submitAndIssue(DirectiveFixtures.smallDirective("V/v thử hoàn tác thu hồi " + System.nanoTime(),
                List.of("SNGV"), List.of()));

        inTransactionRolledBack(() -> directiveService.revoke(id, "Thu hồi thử", "dieuphoi"));

        assertThat(directiveService.get(id).status()).isEqualTo(DirectiveStatus.ISSUED);
        assertThat(assignments.ofDirective(id)).allSatisfy(a -> assertThat(a.cancelledAt()).isNull());

        directiveService.revoke(id, "Thu hồi thật", "dieuphoi");
        assertThat(assignments.ofDirective(id)).isNotEmpty().allSatisfy(a -> assertThat(a.cancelledAt()).isNotNull());
    }

    private void inTransactionRolledBack(Runnable step) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            step.run();
            status.setRollbackOnly();
        });
    }
}
