package vn.directivetracker.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.assignment.AssignmentService;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.TrackerProperties;
import vn.directivetracker.directive.Directive;
import vn.directivetracker.directive.DirectiveItem;
import vn.directivetracker.directive.DirectiveRepository;
import vn.directivetracker.directive.DirectiveService;

/**
 * Emails in Vietnamese, sent from async service tasks. Walking-skeleton mechanism (see
 * docs/adr/0003): the job's transaction records each email under a de-duplication key and sends it;
 * if SMTP fails the job rolls back and Camunda retries it (then raises an incident in Cockpit); a
 * retried job skips emails already recorded. With no SMTP server configured, emails are kept in the
 * table instead of being sent.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final NotificationRepository notifications;
    private final MailTemplates templates;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final DirectiveService directiveService;
    private final DirectiveRepository directives;
    private final AssignmentRepository assignments;
    private final AssignmentService assignmentService;
    private final AgencyRegistry registry;
    private final TrackerProperties properties;
    private final Clocks clocks;
    private final org.camunda.bpm.engine.IdentityService identityService;

    public NotificationService(org.camunda.bpm.engine.IdentityService identityService, NotificationRepository notifications, MailTemplates templates,
            ObjectProvider<JavaMailSender> mailSender, DirectiveService directiveService, DirectiveRepository directives,
            AssignmentRepository assignments, AssignmentService assignmentService, AgencyRegistry registry,
            TrackerProperties properties, Clocks clocks) {
        this.identityService = identityService;
        this.notifications = notifications;
        this.templates = templates;
        this.mailSender = mailSender;
        this.directiveService = directiveService;
        this.directives = directives;
        this.assignments = assignments;
        this.assignmentService = assignmentService;
        this.registry = registry;
        this.properties = properties;
        this.clocks = clocks;
    }

    /** "Giao nhiệm vụ": tells the agency what it must do, by when, and where to do it. */
    public void assignmentReceived(long assignmentId) {
        Assignment assignment = assignments.get(assignmentId);
        Directive directive = directiveService.get(assignment.directiveId());
        DirectiveItem item = assignmentService.item(assignment);
        Agency agency = registry.get(assignment.agencyCode());
        Map<String, Object> model = Map.of(
                "issuingBody", properties.issuingBody(),
                "agencyName", agency.name(),
                "directive", directive,
                "item", item,
                "roleLabel", assignment.role().label(),
                "deadlineLabel", AssignmentService.deadlineLabel(assignment),
                "tasklistUrl", tasklistUrl());
        String subject = "[Giao nhiệm vụ] Văn bản số " + directive.number() + " – " + directive.subject();
        deliver("assignment-received:" + assignmentId + ":" + agency.code(), "ASSIGNMENT_RECEIVED", agency.email(), subject,
                "assignment-received", model, directive.id(), assignmentId);
    }

    /** "Phát hành văn bản": every agency named in the letter learns it was issued. */
    public void directiveIssued(long directiveId) {
        Directive directive = directiveService.get(directiveId);
        List<DirectiveItem> items = directives.items(directiveId);
        Set<String> agencies = new LinkedHashSet<>(registry.expand(directives.recipients(directiveId)));
        assignments.ofDirective(directiveId).forEach(a -> agencies.add(a.agencyCode()));
        for (String code : agencies) {
            Agency agency = registry.get(code);
            Map<String, Object> model = Map.of(
                    "issuingBody", properties.issuingBody(),
                    "agencyName", agency.name(),
                    "directive", directive,
                    "items", items,
                    "tasklistUrl", tasklistUrl());
            String subject = "[Văn bản mới] Số " + directive.number() + " – " + directive.subject();
            deliver("directive-issued:" + directiveId + ":" + code, "DIRECTIVE_ISSUED", agency.email(), subject,
                    "directive-issued", model, directiveId, null);
        }
    }

    /** Who gets a follow-up email about an assignment. */
    public enum Audience {
        AGENCY,
        AGENCY_HEAD,
        COORDINATORS
    }

    /**
     * A follow-up email about one assignment (reminder, overdue notice, decision…), one per address.
     *
     * @param eventKey  what makes this email unique besides the assignment and address (e.g. the
     *                  deadline it reminds of), so a retried job sends nothing twice while a new
     *                  deadline gets its own reminder
     */
    public void assignmentEvent(String eventType, String eventKey, long assignmentId, List<Audience> audiences,
            String headline, String message) {
        Assignment assignment = assignments.get(assignmentId);
        Directive directive = directiveService.get(assignment.directiveId());
        DirectiveItem item = assignmentService.item(assignment);
        Agency agency = registry.get(assignment.agencyCode());
        Map<String, String> addressees = new java.util.LinkedHashMap<>();
        for (Audience audience : audiences) {
            switch (audience) {
                case AGENCY -> addressees.putIfAbsent(agency.email() == null ? "" : agency.email(), agency.name());
                case AGENCY_HEAD -> addressees.putIfAbsent(
                        agency.headEmail() == null ? "" : agency.headEmail(), "Lãnh đạo " + agency.name());
                case COORDINATORS -> groupEmails(vn.directivetracker.security.Roles.COORDINATOR)
                        .forEach(address -> addressees.putIfAbsent(address, "Chuyên viên theo dõi, đôn đốc"));
            }
        }
        addressees.forEach((address, name) -> {
            Map<String, Object> model = new java.util.HashMap<>();
            model.put("issuingBody", properties.issuingBody());
            model.put("agencyName", name);
            model.put("assigneeName", agency.name());
            model.put("headline", headline);
            model.put("message", message);
            model.put("directive", directive);
            model.put("item", item);
            model.put("deadlineLabel", AssignmentService.deadlineLabel(assignment));
            model.put("tasklistUrl", tasklistUrl());
            String subject = "[" + headline + "] Văn bản số " + directive.number() + " – " + directive.subject();
            deliver(eventType.toLowerCase() + ":" + assignmentId + ":" + eventKey + ":" + address, eventType,
                    address.isEmpty() ? null : address, subject, "assignment-event", model, directive.id(), assignmentId);
        });
    }

    private List<String> groupEmails(String groupId) {
        return identityService.createUserQuery().memberOfGroup(groupId).list().stream()
                .map(org.camunda.bpm.engine.identity.User::getEmail)
                .filter(email -> email != null && !email.isBlank())
                .toList();
    }

    public List<Notification> latest(int limit) {
        return notifications.latest(limit);
    }

    private void deliver(String dedupKey, String eventType, String recipient, String subject, String template,
            Map<String, Object> model, Long directiveId, Long assignmentId) {
        if (notifications.exists(dedupKey)) {
            return; // a retried job: this one was already recorded (and sent) by a committed attempt
        }
        MailTemplates.Rendered body = templates.render(template, model);
        OutgoingMail mail = new OutgoingMail(eventType, recipient, subject, body.text(), body.html(), directiveId, assignmentId);
        JavaMailSender sender = mailSender.getIfAvailable();
        NotificationStatus status;
        if (recipient == null || recipient.isBlank()) {
            log.warn("No email address for {}: notification {} kept, not sent", dedupKey, eventType);
            status = NotificationStatus.NO_ADDRESS;
        } else if (sender == null) {
            status = NotificationStatus.KEPT;
        } else {
            send(sender, mail);
            status = NotificationStatus.SENT;
        }
        notifications.insert(dedupKey, mail, status, clocks.now());
    }

    private void send(JavaMailSender sender, OutgoingMail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.mail().from(), properties.mail().fromName());
            helper.setTo(mail.recipient());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new IllegalStateException("Không tạo được thư " + mail.eventType(), e);
        }
        // An SMTP failure propagates: the job rolls back and is retried, then shows as an incident.
        sender.send(message);
    }

    private String tasklistUrl() {
        return properties.baseUrl() + "/camunda/app/tasklist/default/";
    }
}
