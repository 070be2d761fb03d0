package vn.directivetracker.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-transaction read cache (ADR 17, ADR 28): one load per kind and key within a transaction,
 * nothing kept outside one or across two, a forgotten kind is loaded again (other kinds are not), and
 * a nested REQUIRES_NEW transaction neither sees nor disturbs its caller's reads.
 */
class ReadsOfThisTransactionTest {

    private final TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(h2()));
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void readsEachKeyOncePerTransaction() {
        tx.executeWithoutResult(s -> {
            assertThat(read("agency", "SNGV")).isEqualTo("SNGV#1");
            assertThat(read("agency", "SNGV")).isEqualTo("SNGV#1");
            assertThat(read("agency", "CAT")).isEqualTo("CAT#2");
            assertThat(read("directive", "SNGV")).as("kinds are separate").isEqualTo("SNGV#3");
        });
        tx.executeWithoutResult(s -> assertThat(read("agency", "SNGV")).as("a new transaction reads again").isEqualTo("SNGV#4"));
    }

    @Test
    void keepsNothingOutsideATransaction() {
        assertThat(read("agency", "SNGV")).isEqualTo("SNGV#1");
        assertThat(read("agency", "SNGV")).isEqualTo("SNGV#2");
    }

    @Test
    void forgetDropsOnlyItsKind() {
        tx.executeWithoutResult(s -> {
            read("agency", "SNGV");
            read("directive", "7");
            ReadsOfThisTransaction.forget("agency");
            assertThat(read("agency", "SNGV")).as("written kind read again").isEqualTo("SNGV#3");
            assertThat(read("directive", "7")).as("other kind kept").isEqualTo("7#2");
        });
    }

    @Test
    void putIsReadBackWithoutLoading() {
        tx.executeWithoutResult(s -> {
            ReadsOfThisTransaction.put("assignment", "process:p1", 42L);
            assertThat(ReadsOfThisTransaction.get("assignment", "process:p1", () -> {
                loads.incrementAndGet();
                return 0L;
            })).isEqualTo(42L);
            assertThat(loads).hasValue(0);
        });
        ReadsOfThisTransaction.put("assignment", "process:p1", 42L);
        assertThat(ReadsOfThisTransaction.get("assignment", "process:p1", () -> 0L)).as("nothing kept outside").isEqualTo(0L);
    }

    @Test
    void nullIsNotKept() {
        tx.executeWithoutResult(s -> {
            assertThat(ReadsOfThisTransaction.<String>get("agency", "X", () -> {
                loads.incrementAndGet();
                return null;
            })).isNull();
            ReadsOfThisTransaction.get("agency", "X", () -> {
                loads.incrementAndGet();
                return null;
            });
            assertThat(loads).hasValue(2);
        });
    }

    @Test
    void nestedNewTransactionHasItsOwnReads() {
        TransactionTemplate requiresNew = new TransactionTemplate(tx.getTransactionManager());
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        tx.executeWithoutResult(s -> {
            assertThat(read("agency", "SNGV")).isEqualTo("SNGV#1");
            requiresNew.executeWithoutResult(inner -> {
                assertThat(read("agency", "SNGV")).as("the nested transaction reads for itself").isEqualTo("SNGV#2");
                ReadsOfThisTransaction.forget("agency");
            });
            assertThat(read("agency", "SNGV")).as("the caller's reads survive the nested one").isEqualTo("SNGV#1");
        });
    }

    private String read(String kind, String key) {
        return ReadsOfThisTransaction.get(kind, key, () -> key + "#" + loads.incrementAndGet());
    }

    private static JdbcDataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:reads-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }
}
