package vn.directivetracker.notification;

import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.TrackerProperties;

/** Wires the dispatcher of this node; {@link MailSchedule} runs it in the background. */
@Configuration
class MailDispatchConfig {

    @Bean
    MailDispatcher mailDispatcher(JdbcClient jdbc, PlatformTransactionManager transactions,
            ObjectProvider<JavaMailSender> sender, TrackerProperties properties, MailSettings settings,
            MeterRegistry meters, Clocks clocks, MailBodies bodies) {
        // Spring Boot defines a sender only when spring.mail.host is set: without one, mail is kept.
        JavaMailSender smtp = sender.getIfAvailable();
        NoDelaySockets.install(smtp);
        // ADR 25: one service lookup at start-up instead of one per header and body part of every email.
        MailStreamProvider.pin();
        return new MailDispatcher(
                new DispatchQueue(jdbc, new TransactionTemplate(transactions)),
                smtp,
                new MailComposer(properties.mail().from(), properties.mail().fromName()),
                bodies,
                settings.dispatcher(),
                new MailCounters(meters),
                clocks,
                nodeName());
    }

    /** Host and process id: enough for an operator to tell the nodes' claims apart. */
    static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
