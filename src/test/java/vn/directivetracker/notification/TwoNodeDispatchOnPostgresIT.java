package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import vn.directivetracker.support.EmbeddedPostgresConfig;

/** Two dispatchers on a real PostgreSQL 15, the production database. */
@Import(EmbeddedPostgresConfig.class)
class TwoNodeDispatchOnPostgresIT extends TwoNodeDispatchScenario {

    /** While one node's claim transaction holds some rows, the other claims the rest without waiting. */
    @Test
    void rowsAnotherNodeIsClaimingAreSkippedNotWaitedFor() throws Exception {
        smallLetter();
        Node a = node("node-a", 100);
        Node b = node("node-b", 100);
        try (Connection claiming = a.pool().getConnection()) {
            // Node A is in the middle of its claim: it holds the row locks of the three oldest due rows.
            claiming.setAutoCommit(false);
            Set<Long> lockedByA = lockOldestDue(claiming, 3);
            assertThat(lockedByA).hasSize(3);

            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                LocalDateTime now = clocks.now();
                List<OutboxRow> claimedByB = thread.submit(() -> b.queue().claim("node-b#1", now, now.plusMinutes(2), 100))
                        .get(1, TimeUnit.MINUTES);
                assertThat(claimedByB).isNotEmpty().extracting(OutboxRow::id).doesNotContainAnyElementsOf(lockedByA);
            } finally {
                thread.shutdownNow();
                claiming.rollback();
            }
        }
    }
}
