package vn.directivetracker.directive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * One number series per document type, reset each year, and never the same number twice even when
 * several issuing transactions ask at the same moment (on H2 and on a real PostgreSQL: subclasses).
 */
abstract class DocumentNumberingScenario extends IntegrationTest {

    @Autowired DocumentNumberSeries series;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void eachTypeNumbersInItsOwnSeriesWithItsOwnSymbol() {
        String first = issued(DocumentType.CONG_VAN);
        String decision = issued(DocumentType.QUYET_DINH);
        String normative = issued(DocumentType.QUYET_DINH_QPPL);
        String plan = issued(DocumentType.KE_HOACH);
        String second = issued(DocumentType.CONG_VAN);
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        // Other tests of this context may have issued letters before: the CV series goes on by one.
        assertThat(first).matches("\\d{2,}/UBND-KGVX");
        assertThat(Integer.parseInt(second.split("/")[0])).isEqualTo(Integer.parseInt(first.split("/")[0]) + 1);
        // The other types start their own series at 01.
        assertThat(decision).isEqualTo("01/QĐ-UBND");
        assertThat(normative).isEqualTo("01/" + year + "/QĐ-UBND");
        assertThat(plan).isEqualTo("01/KH-UBND");
    }

    @Test
    void seriesStartAgainEachYear() {
        assertThat(next("THONG_BAO", 2090)).isEqualTo(1);
        assertThat(next("THONG_BAO", 2090)).isEqualTo(2);
        assertThat(next("THONG_BAO", 2091)).isEqualTo(1);
        assertThat(next("CHI_THI", 2090)).isEqualTo(1);
    }

    @Test
    void concurrentIssuingNeverGetsTheSameNumber() throws Exception {
        int threads = 8;
        int perThread = 5;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    List<Integer> mine = new ArrayList<>();
                    // A year nobody used yet: the counter row is created by whichever thread comes first.
                    for (int i = 0; i < perThread; i++) {
                        mine.add(new TransactionTemplate(transactions).execute(status -> {
                            int n = series.next("QUYET_DINH", 2095);
                            pause(); // hold the row lock a moment, as an issuing transaction does
                            return n;
                        }));
                    }
                    return mine;
                }));
            }
            List<Integer> all = new ArrayList<>();
            for (Future<List<Integer>> result : results) {
                all.addAll(result.get(120, TimeUnit.SECONDS));
            }
            assertThat(all).hasSize(threads * perThread).doesNotHaveDuplicates();
            assertThat(all).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, threads * perThread).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int next(String code, int year) {
        return new TransactionTemplate(transactions).execute(status -> series.next(code, year));
    }

    private String issued(DocumentType type) {
        DirectiveRequest base = DirectiveFixtures.smallDirective("Đánh số " + type, List.of("SNGV"), List.of());
        DirectiveRequest request = new DirectiveRequest(type, base.fieldCode(), base.subject(), base.legalBasis(), null,
                base.urgency(), base.signer(), base.recipients(), base.copyTo(), base.archiveCodes(), base.closingText(),
                null, base.items());
        return directiveService.get(submitAndIssue(request)).number();
    }
}
