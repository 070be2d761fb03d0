package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;
import vn.directivetracker.support.Mails;
import vn.directivetracker.support.TestMailServer;

/**
 * Two application nodes on one database, each with its own dispatcher, connection pool and SMTP
 * client, working through the same due emails: each email leaves exactly once. Runs on H2 and on a
 * real PostgreSQL (subclasses). Both take a row claim with {@code FOR UPDATE SKIP LOCKED}; H2 may
 * apply the row limit before skipping locked rows (then a node finds nothing this round and comes
 * back at the next), PostgreSQL skips and fills the batch — see the PostgreSQL subclass.
 */
abstract class TwoNodeDispatchScenario extends IntegrationTest {

    @Autowired DataSource dataSource;
    @Autowired Clocks clocks;

    private final List<Node> nodes = new ArrayList<>();

    /** A dispatcher as another JVM would run it: nothing shared with this context but the database. */
    record Node(String name, HikariDataSource pool, DispatchQueue queue, MailDispatcher dispatcher) {}

    @BeforeEach
    void everythingEarlierIsSent() {
        mailServerUpWithEarlierMailSent();
    }

    /**
     * Whether the database lets two nodes claim side by side every time. PostgreSQL's SKIP LOCKED
     * does; on H2 one node may claim everything in its first rounds, so there only exactly-once is
     * asserted (the property that matters), not that both nodes sent something.
     */
    protected boolean bothNodesAlwaysTakePart() {
        return true;
    }

    @AfterEach
    void stopNodes() {
        ClockUtil.reset();
        nodes.forEach(node -> node.pool().close());
        nodes.clear();
    }

    @Test
    void twoNodesDispatchingTheSameDueEmailsConcurrentlySendEachExactlyOnce() throws Exception {
        long id = submitAndIssue(DirectiveFixtures.directive("V/v thử hai máy chủ ứng dụng " + System.nanoTime(),
                List.of("ALL_AGENCIES"),
                DirectiveFixtures.itemDueIn(10, "1", "Triển khai hướng dẫn thông tin đối ngoại", List.of("ALL_AGENCIES"), List.of())));
        Set<String> due = dueKeys();
        assertThat(due).hasSizeGreaterThanOrEqualTo(300);
        Node a = node("node-a", 10);
        Node b = node("node-b", 10);

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> sentByA = threads.submit(() -> { go.await(); return a.dispatcher().dispatchDue(); });
            Future<Integer> sentByB = threads.submit(() -> { go.await(); return b.dispatcher().dispatchDue(); });
            go.countDown();
            int byA = sentByA.get(5, TimeUnit.MINUTES);
            int byB = sentByB.get(5, TimeUnit.MINUTES);

            assertThat(byA + byB).isEqualTo(due.size());
            if (bothNodesAlwaysTakePart()) {
                assertThat(byA).as("node A took part").isPositive();
                assertThat(byB).as("node B took part").isPositive();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from notification where status <> 'SENT' and directive_id = ?").param(id)
                .query(Long.class).single()).isZero();
        Map<String, Long> received = Mails.countByKey(TestMailServer.SMTP);
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(due);
        assertThat(received).allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1));
    }

    @Test
    void aNodeStalledPastItsLeaseLosesItsRowsAndCannotSendThem() {
        smallLetter();
        Set<String> due = dueKeys();
        Node a = node("node-a", 100);
        Node b = node("node-b", 100);
        freezeClock(clocks.now());
        LocalDateTime now = clocks.now();
        List<OutboxRow> heldByA = a.queue().claim("node-a#1", now, now.plusMinutes(2), 100);
        assertThat(heldByA).hasSize(due.size());
        assertThat(b.dispatcher().dispatchDue()).as("rows under a live claim").isZero();

        // Node A stalls (a long GC pause, a lost network) past its lease: node B takes the rows over.
        freezeClock(now.plusMinutes(2).plusSeconds(1));
        assertThat(b.dispatcher().dispatchDue()).isEqualTo(due.size());
        // Node A wakes up: its claim is gone, so it sends nothing and cannot overwrite B's outcome.
        for (OutboxRow row : heldByA) {
            assertThat(a.queue().renew(row.id(), "node-a#1", clocks.now().plusMinutes(2))).isFalse();
            assertThat(a.queue().markSent(row, false, "node-a#1", clocks.now())).isFalse();
        }
        Map<String, Long> received = Mails.countByKey(TestMailServer.SMTP);
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(due);
        assertThat(received).allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1));
    }

    @Test
    void aRoundSlowerThanHalfItsLeaseRenewsEachFurtherRowBeforeSendingIt() {
        submitAndIssue(DirectiveFixtures.smallDirective("V/v thử gia hạn khóa dòng " + System.nanoTime(),
                List.of("SNGV", "STC", "SCT"), List.of("SNV")));
        Set<String> due = dueKeys();
        assertThat(due).hasSizeGreaterThanOrEqualTo(4);
        // A whole second after every row was written, so all are due in the first round's claim.
        LocalDateTime start = clocks.now().plusSeconds(1).withNano(0);
        freezeClock(start);
        // Each message takes 40 s of the 2-minute lease (a slow server): the claim each row has when its
        // message leaves is recorded.
        List<LocalDateTime> claimAtSend = new ArrayList<>();
        JavaMailSenderImpl smtp = smtp();
        JavaMailSender slow = new JavaMailSender() {
            @Override
            public jakarta.mail.internet.MimeMessage createMimeMessage() {
                return smtp.createMimeMessage();
            }

            @Override
            public jakarta.mail.internet.MimeMessage createMimeMessage(java.io.InputStream content) {
                return smtp.createMimeMessage(content);
            }

            @Override
            public void send(jakarta.mail.internet.MimeMessage... messages) {
                for (jakarta.mail.internet.MimeMessage message : messages) {
                    claimAtSend.add(claimOf(message));
                    smtp.send(message);
                    freezeClock(clocks.now().plusSeconds(40));
                }
            }

            @Override
            public void send(org.springframework.mail.SimpleMailMessage... messages) {
                throw new UnsupportedOperationException();
            }
        };
        Node a = node("node-a", 100, slow);

        assertThat(a.dispatcher().dispatchDue()).isEqualTo(due.size());

        // Sent at +0 s and +40 s: more than half of the lease left, the claim of the round is enough.
        assertThat(claimAtSend.subList(0, 2)).containsOnly(start.plusMinutes(2));
        // From +80 s on, each row is renewed right before its message: 2 minutes from then.
        for (int i = 2; i < claimAtSend.size(); i++) {
            assertThat(claimAtSend.get(i)).as("claim of message %d", i).isEqualTo(start.plusSeconds(40L * i).plusMinutes(2));
        }
        Map<String, Long> received = Mails.countByKey(TestMailServer.SMTP);
        assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(due);
        assertThat(received).allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1));
    }

    private LocalDateTime claimOf(jakarta.mail.internet.MimeMessage message) {
        try {
            String key = jakarta.mail.internet.MimeUtility.decodeText(
                    jakarta.mail.internet.MimeUtility.unfold(message.getHeader(MailComposer.KEY_HEADER, null)));
            return jdbc.sql("select claim_until from notification where dedup_key = ?").param(key)
                    .query(LocalDateTime.class).single();
        } catch (jakarta.mail.MessagingException | java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    void smallLetter() {
        submitAndIssue(DirectiveFixtures.smallDirective("V/v thử khóa dòng " + System.nanoTime(), List.of("SNGV"), List.of("STC")));
    }

    private Set<String> dueKeys() {
        return new HashSet<>(jdbc.sql("select dedup_key from notification where status = 'PENDING'").query(String.class).list());
    }

    static Set<Long> lockOldestDue(Connection connection, int count) throws Exception {
        Set<Long> ids = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id from notification where status = 'PENDING' order by next_attempt_at, id fetch first "
                        + count + " rows only for update")) {
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    Node node(String name, int batchSize) {
        return node(name, batchSize, smtp());
    }

    private static JavaMailSenderImpl smtp() {
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("127.0.0.1");
        smtp.setPort(TestMailServer.port());
        return smtp;
    }

    Node node(String name, int batchSize, JavaMailSender smtp) {
        HikariDataSource app = (HikariDataSource) dataSource;
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName(name);
        pool.setJdbcUrl(app.getJdbcUrl());
        pool.setUsername(app.getUsername());
        pool.setPassword(app.getPassword());
        pool.setMaximumPoolSize(3);
        MailSettings.Dispatcher settings = new MailSettings.Dispatcher(true, Duration.ofSeconds(10), batchSize, 1,
                Duration.ofMinutes(2), 12, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ZERO);
        DispatchQueue queue = new DispatchQueue(JdbcClient.create(pool), new TransactionTemplate(new DataSourceTransactionManager(pool)));
        Node node = new Node(name, pool, queue, new MailDispatcher(queue, smtp,
                new MailComposer("no-reply@example.gov.vn", "Hệ thống theo dõi chỉ đạo"), new MailBodies(new MailTemplates()), settings,
                new MailCounters(new SimpleMeterRegistry()), clocks, name));
        nodes.add(node);
        return node;
    }

    private void freezeClock(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(clocks.zone()).toInstant()));
    }
}
