package vn.directivetracker.reporting;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.TrackerProperties;
import vn.directivetracker.directive.Directive;
import vn.directivetracker.directive.DirectiveService;
import vn.directivetracker.notification.MailTemplates;

/**
 * Reminders and overdue notices about periodic reports. Same guarantees as the assignment emails
 * (ADR 3): sent from an async job, so a failed send rolls back and is retried; one row per event and
 * address in {@code report_notification}, so a retry sends nothing twice; kept, not lost, without SMTP.
 * Kept apart from {@code notification} because issue 4 is replacing that mechanism with an outbox;
 * this class is the one place to move onto it.
 */
@Component
public class ReportNotifications {

    public enum Event {
        REPORT_DUE_SOON("Sắp đến hạn nộp báo cáo",
                "Đơn vị chưa nộp báo cáo định kỳ. Đề nghị hoàn thành, trình lãnh đạo đơn vị duyệt và nộp trước hạn."),
        REPORT_OVERDUE("Quá hạn nộp báo cáo",
                "Đã quá hạn nộp báo cáo định kỳ mà đơn vị chưa nộp. Đề nghị khẩn trương nộp; sau khi kết thúc thời gian "
                        + "nhận báo cáo, đơn vị sẽ được ghi nhận là chưa nộp trong báo cáo tổng hợp.");

        final String headline;
        final String message;

        Event(String headline, String message) {
            this.headline = headline;
            this.message = message;
        }
    }

    private final ReportPeriodRepository periods;
    private final DirectiveService directives;
    private final AgencyRegistry registry;
    private final MailTemplates templates;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final JdbcClient jdbc;
    private final Clocks clocks;
    private final TrackerProperties properties;

    public ReportNotifications(ReportPeriodRepository periods, DirectiveService directives, AgencyRegistry registry,
            MailTemplates templates, ObjectProvider<JavaMailSender> mailSender, JdbcClient jdbc, Clocks clocks,
            TrackerProperties properties) {
        this.periods = periods;
        this.directives = directives;
        this.registry = registry;
        this.templates = templates;
        this.mailSender = mailSender;
        this.jdbc = jdbc;
        this.clocks = clocks;
        this.properties = properties;
    }

    /** To the agency's staff, and for an overdue report to its head as well. */
    public void send(Event event, long reportPeriodId, String agencyCode) {
        ReportPeriod period = periods.get(reportPeriodId);
        Directive directive = directives.get(period.directiveId());
        Agency agency = registry.get(agencyCode);
        Map<String, String> addressees = new LinkedHashMap<>();
        addressees.put(agency.email() == null ? "" : agency.email(), agency.name());
        if (event == Event.REPORT_OVERDUE) {
            addressees.putIfAbsent(agency.headEmail() == null ? "" : agency.headEmail(), "Lãnh đạo " + agency.name());
        }
        addressees.forEach((address, name) -> {
            String key = event.name().toLowerCase() + ":" + reportPeriodId + ":" + agencyCode + ":" + address;
            if (jdbc.sql("select count(*) from report_notification where dedup_key = ?").param(key)
                    .query(Integer.class).single() > 0) {
                return; // a retried job: the committed attempt already sent it
            }
            Map<String, Object> model = new HashMap<>();
            model.put("issuingBody", properties.issuingBody());
            model.put("agencyName", name);
            model.put("headline", event.headline);
            model.put("message", event.message);
            model.put("directive", directive);
            model.put("period", period);
            model.put("cutOff", ReportCollectionService.DATE.format(period.cutOff()));
            model.put("deadline", ReportCollectionService.DATE.format(period.deadline()));
            model.put("tasklistUrl", properties.baseUrl() + "/camunda/app/tasklist/default/");
            MailTemplates.Rendered body = templates.render("report-event", model);
            String subject = "[" + event.headline + "] " + period.label() + " – Văn bản số " + directive.number();
            String status = deliver(address, subject, body);
            jdbc.sql("""
                            insert into report_notification (dedup_key, event_type, recipient, subject, body_text, status,
                                report_period_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(key, event.name(), address.isEmpty() ? null : address, subject, body.text(), status,
                            reportPeriodId, clocks.now())
                    .update();
        });
    }

    private String deliver(String address, String subject, MailTemplates.Rendered body) {
        if (address.isEmpty()) {
            return "NO_ADDRESS";
        }
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return "KEPT";
        }
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.mail().from(), properties.mail().fromName());
            helper.setTo(address);
            helper.setSubject(subject);
            helper.setText(body.text(), body.html());
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("Không tạo được thư " + subject, e);
        }
        sender.send(message); // a failure rolls the job back; it is retried, then an incident
        return "SENT";
    }
}
