package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.support.IntegrationTest;

/**
 * An email is written once per de-duplication key, in one statement (ADR 28): a second request with
 * the same key writes nothing and changes nothing, including one without an address. The same holds
 * for a batch of a step's emails (ADR 30), within the batch and against rows already there.
 */
abstract class OutboxDedupScenario extends IntegrationTest {

    @Autowired Outbox outbox;

    /**
     * The rows written here are test rows that cannot be rendered: left pending, each would wait in
     * back-off and be counted as due by a later test on the same database (TwoNodeDispatchOnPostgresIT
     * after OutboxDedupOnPostgresIT in one verify run).
     */
    @AfterEach
    void removeTestRows() {
        jdbc.sql("delete from notification where dedup_key like 'dedup-test:%' or dedup_key like 'dedup-no-address:%'").update();
    }

    @Test
    void secondRequestWithTheSameKeyWritesNothing() {
        String key = "dedup-test:" + System.nanoTime();
        outbox.enqueue(MailRequest.of(MailEvent.RESULT_ACCEPTED, key).to("sngv@example.gov.vn", "Sở Ngoại vụ")
                .subject("Lần đầu").model(Map.of("n", 1)).about(null, null));
        outbox.enqueue(MailRequest.of(MailEvent.RESULT_ACCEPTED, key).to("khac@example.gov.vn", "Đơn vị khác")
                .subject("Lần hai").model(Map.of("n", 2)).about(null, null));

        assertThat(jdbc.sql("select recipient, subject, status from notification where dedup_key = ?").param(key)
                .query((rs, row) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)).list())
                .containsExactly("sngv@example.gov.vn|Lần đầu|PENDING");
    }

    @Test
    void rowWithoutAddressIsKeptOnceAsNoAddress() {
        String key = "dedup-no-address:" + System.nanoTime();
        for (int i = 0; i < 2; i++) {
            outbox.enqueue(MailRequest.of(MailEvent.RESULT_ACCEPTED, key).to(" ", "Đơn vị chưa có địa chỉ")
                    .subject("Không địa chỉ").model(Map.of()).about(null, null));
        }
        assertThat(jdbc.sql("select status from notification where dedup_key = ?").param(key).query(String.class).list())
                .containsExactly("NO_ADDRESS");
    }

    @Test
    void batchWritesEachNewKeyOnceAndLeavesExistingRowsAlone() {
        String prefix = "dedup-test:" + System.nanoTime() + ":";
        outbox.enqueue(MailRequest.of(MailEvent.DIRECTIVE_ISSUED, prefix + "SNGV").to("sngv@example.gov.vn", "Sở Ngoại vụ")
                .subject("Đã có").model(Map.of("n", 0)).about(null, null));

        outbox.enqueueAll(List.of(
                MailRequest.of(MailEvent.DIRECTIVE_ISSUED, prefix + "SNGV").to("khac@example.gov.vn", "Sở Ngoại vụ")
                        .subject("Lần hai").model(Map.of("n", 1)).about(null, null),
                MailRequest.of(MailEvent.DIRECTIVE_ISSUED, prefix + "STC").to(" stc@example.gov.vn ", "Sở Tài chính")
                        .subject("Mới").model(Map.of("n", 2)).about(null, null),
                MailRequest.of(MailEvent.DIRECTIVE_ISSUED, prefix + "STC").to("stc2@example.gov.vn", "Sở Tài chính")
                        .subject("Trùng trong lô").model(Map.of("n", 3)).about(null, null),
                MailRequest.of(MailEvent.DIRECTIVE_ISSUED, prefix + "SCT").to("", "Sở Công Thương")
                        .subject("Không\n địa chỉ").model(Map.of("n", 4)).about(null, null)));

        assertThat(jdbc.sql("select dedup_key, recipient, subject, status from notification where dedup_key like ? order by id")
                .param(prefix + "%")
                .query((rs, row) -> rs.getString(1).substring(prefix.length()) + "|" + rs.getString(2) + "|"
                        + rs.getString(3) + "|" + rs.getString(4)).list())
                .containsExactly(
                        "SNGV|sngv@example.gov.vn|Đã có|PENDING",
                        "STC|stc@example.gov.vn|Mới|PENDING",
                        "SCT||Không địa chỉ|NO_ADDRESS");
    }
}
