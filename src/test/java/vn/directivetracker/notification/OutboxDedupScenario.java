package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.support.IntegrationTest;

/**
 * An email is written once per de-duplication key, in one statement (ADR 28): a second request with
 * the same key writes nothing and changes nothing, including one without an address.
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
}
