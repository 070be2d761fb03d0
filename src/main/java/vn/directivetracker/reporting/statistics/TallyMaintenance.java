package vn.directivetracker.reporting.statistics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.directivetracker.assignment.AssignmentTally;

/**
 * Keeps the assignment tally (ADR 20) small and right: folds the writers' deltas every few seconds
 * (readers add up folded counts and deltas alike, so the delay changes no figure, only how many
 * delta rows a read adds), and at start-up recounts it if it does not count as many assignments as
 * the table holds (rows bulk-inserted in plain SQL, a restored backup).
 */
@Component
class TallyMaintenance {

    private static final Logger log = LoggerFactory.getLogger(TallyMaintenance.class);
    private static final int BATCH = 10_000;

    private final AssignmentTally tally;
    private final TransactionTemplate transaction;

    TallyMaintenance(AssignmentTally tally, TransactionTemplate transaction) {
        this.tally = tally;
        this.transaction = transaction;
    }

    @Scheduled(fixedDelayString = "${directive-tracker.reporting.tally-fold-delay:PT5S}",
            initialDelayString = "${directive-tracker.reporting.tally-fold-delay:PT5S}")
    void fold() {
        Integer folded;
        do {
            try {
                folded = transaction.execute(status -> tally.fold(BATCH));
            } catch (IllegalStateException e) {
                log.info("{}", e.getMessage()); // the next fold starts from the rebuilt tally
                return;
            }
        } while (folded != null && folded == BATCH);
    }

    /**
     * Runs while other nodes (or this node's job executor) may write assignments: one repeatable-read
     * transaction, so the check, the recount and the deltas it deletes all see the same committed
     * writes; a writer committing meanwhile keeps its delta and is counted once (by it), and a fold
     * committed meanwhile makes the lock fail with a serialization error (PostgreSQL): tried again.
     */
    @EventListener(ApplicationReadyEvent.class)
    void checkAtStartUp() {
        TransactionTemplate snapshot = new TransactionTemplate(transaction.getTransactionManager());
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        for (int attempt = 1; ; attempt++) {
            try {
                snapshot.executeWithoutResult(status -> {
                    tally.lock();
                    if (!tally.consistent()) {
                        log.warn("Assignment tally disagrees with the assignment table: rebuilding it");
                        tally.rebuild();
                    }
                });
                return;
            } catch (RuntimeException e) { // e.g. PostgreSQL's serialization failure after another node's fold
                if (attempt == 3) {
                    log.warn("Assignment tally not checked at start-up (checked again at the next start): {}", e.getMessage());
                    return;
                }
            }
        }
    }
}
