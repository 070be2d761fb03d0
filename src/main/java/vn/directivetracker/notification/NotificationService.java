package vn.directivetracker.notification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.agency.UnknownAgencyException;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.assignment.AssignmentService;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.directive.Directive;
import vn.directivetracker.directive.DirectiveItem;
import vn.directivetracker.directive.DirectiveRepository;
import vn.directivetracker.directive.DirectiveService;
import vn.directivetracker.identity.Roles;
import vn.directivetracker.common.VnFormats;

/**
 * The emails of the directive's life, one method per event, in Vietnamese. Each method only
 * <em>writes</em> its emails to the outbox, in the caller's transaction (call it from the delegate or
 * listener of the step that causes the email): if the step rolls back, so do its emails; if it
 * commits, {@link MailDispatcher} sends them, retrying until the SMTP server takes them.
 *
 * <p>Each email has a de-duplication key, so calling a method twice for the same occurrence (a retried
 * job, a timer firing again the same day) writes it once. Each event can be switched off with
 * {@code directive-tracker.mail.events.<event>=false}.
 */
@Service
public class NotificationService {

    private final Outbox outbox;
    private final AssignmentContexts contexts;
    private final Recipients recipients;
    private final DirectiveService directiveService;
    private final DirectiveRepository directives;
    private final AssignmentRepository assignments;
    private final AgencyRegistry registry;
    private final DigestAgencies digestAgencies;
    private final Clocks clocks;

    public NotificationService(Outbox outbox, AssignmentContexts contexts, Recipients recipients,
            DirectiveService directiveService, DirectiveRepository directives, AssignmentRepository assignments,
            AgencyRegistry registry, DigestAgencies digestAgencies, Clocks clocks) {
        this.outbox = outbox;
        this.contexts = contexts;
        this.recipients = recipients;
        this.directiveService = directiveService;
        this.directives = directives;
        this.assignments = assignments;
        this.registry = registry;
        this.digestAgencies = digestAgencies;
        this.clocks = clocks;
    }

    // --- The directive ---------------------------------------------------------------------------

    /** "Phát hành văn bản": every agency named in the letter learns it was issued, with its own items. */
    public void directiveIssued(long directiveId) {
        Directive directive = directiveService.get(directiveId);
        Map<String, List<AgencyItem>> itemsByAgency = itemsByAgency(directiveId);
        Set<String> codes = agenciesOf(directiveId, itemsByAgency);
        // One query for the letter's ~150 agencies, not one each (issue 11: part of every letter's issuing step).
        Map<String, Agency> agencies = registry.byCodes(codes);
        Map<String, Object> letter = AssignmentContext.directiveShown(directive);
        List<MailRequest> mails = new ArrayList<>(codes.size());
        for (String code : codes) {
            Agency agency = known(agencies, code);
            mails.add(MailRequest.of(MailEvent.DIRECTIVE_ISSUED, "directive-issued:" + directiveId + ":" + code)
                    .to(agency.email(), agency.name())
                    .subject("[Văn bản mới] Số " + directive.number() + " – " + directive.subject())
                    .model(Map.of("directive", letter, "items", itemsByAgency.getOrDefault(code, List.of())))
                    .about(directiveId, null));
        }
        outbox.enqueueAll(mails);
    }

    /** "Thu hồi văn bản": every agency of the letter learns its tasks under it are cancelled, and why. */
    public void directiveRevoked(long directiveId, String reason) {
        Directive directive = directiveService.get(directiveId);
        Set<String> codes = agenciesOf(directiveId, itemsByAgency(directiveId));
        Map<String, Agency> agencies = registry.byCodes(codes);
        Map<String, Object> letter = AssignmentContext.directiveShown(directive);
        List<MailRequest> mails = new ArrayList<>(codes.size());
        for (String code : codes) {
            Agency agency = known(agencies, code);
            mails.add(MailRequest.of(MailEvent.DIRECTIVE_REVOKED, "directive-revoked:" + directiveId + ":" + code)
                    .to(agency.email(), agency.name())
                    .subject("[Thu hồi văn bản] Số " + directive.number() + " – " + directive.subject())
                    .model(Map.of("directive", letter, "reason", textOrEmpty(reason)))
                    .about(directiveId, null));
        }
        outbox.enqueueAll(mails);
    }

    // --- One agency's assignment -----------------------------------------------------------------

    /** "Giao nhiệm vụ": tells the agency what it must do, by when, and where to do it. */
    public void assignmentReceived(long assignmentId) {
        AssignmentContext c = contexts.load(assignmentId);
        // Keyed by agency too: an assignment handed to another agency is announced to it as well.
        toAgency(MailEvent.ASSIGNMENT_RECEIVED, "assignment-received:" + assignmentId + ":" + c.agency().code(), c,
                "[Giao nhiệm vụ] Văn bản số " + c.directive().number() + " – " + c.directive().subject(), Map.of(), null);
    }

    /**
     * The agency head sent the result back to the officers ("Yêu cầu bổ sung").
     *
     * @param taskId the head's approval task being completed: one email per return
     */
    public void headReturned(long assignmentId, String comment, String taskId) {
        AssignmentContext c = contexts.load(assignmentId);
        toAgency(MailEvent.HEAD_RETURNED, "head-returned:" + taskId, c,
                "[Yêu cầu bổ sung] " + c.reference() + " – lãnh đạo đơn vị chưa đồng ý kết quả",
                Map.of("comment", textOrEmpty(comment)), null);
    }

    /**
     * The coordinator returned the result with a reason ("Trả lại, yêu cầu làm lại").
     *
     * @param taskId the coordinator's review task being completed: one email per return
     */
    public void resultReturned(long assignmentId, String reason, String taskId) {
        AssignmentContext c = contexts.load(assignmentId);
        toAgency(MailEvent.RESULT_RETURNED, "result-returned:" + taskId, c,
                "[Trả lại kết quả] " + c.reference() + " – đề nghị thực hiện lại", Map.of("reason", textOrEmpty(reason)), null);
    }

    /** The coordinator accepted the result: the assignment is done. */
    public void resultAccepted(long assignmentId) {
        AssignmentContext c = contexts.load(assignmentId);
        toAgency(MailEvent.RESULT_ACCEPTED, "result-accepted:" + assignmentId, c,
                "[Hoàn thành nhiệm vụ] " + c.reference() + " – kết quả đã được chấp nhận", Map.of(), null);
    }

    // --- Deadlines (called from the timers of issue 3) --------------------------------------------

    /** Receipt not yet acknowledged. At most one per assignment and day. */
    public void acknowledgementReminder(long assignmentId) {
        AssignmentContext c = contexts.load(assignmentId);
        toAgency(MailEvent.ACKNOWLEDGEMENT_REMINDER, "acknowledgement-reminder:" + assignmentId + ":" + clocks.today(), c,
                "[Nhắc việc] Chưa xác nhận tiếp nhận nhiệm vụ – " + c.reference(), Map.of(),
                contexts.openTask(c).orElse(null));
    }

    /**
     * The deadline is near. One per assignment and deadline (a new deadline after an extension gets
     * its own). Skipped for agencies that receive the daily digest instead.
     */
    public void dueSoonReminder(long assignmentId) {
        AssignmentContext c = contexts.load(assignmentId);
        if (digestAgencies.includes(c.agency().code())) {
            return;
        }
        toAgency(MailEvent.DUE_SOON_REMINDER, "due-soon-reminder:" + assignmentId + ":" + c.assignment().deadline(), c,
                "[Sắp đến hạn] " + c.reference() + " – hạn " + c.deadlineLabel(), Map.of(),
                contexts.openTask(c).orElse(null));
    }

    /**
     * The deadline has passed: to the agency (unless it receives the daily digest), to its head and
     * to every coordinator. One per recipient and deadline.
     */
    public void overdueNotice(long assignmentId) {
        AssignmentContext c = contexts.load(assignmentId);
        String key = "overdue-notice:" + assignmentId + ":" + c.assignment().deadline() + ":";
        String subject = "[Quá hạn] " + c.reference() + " – " + c.agency().shortName() + " chưa hoàn thành, hạn "
                + c.deadlineLabel();
        String taskId = contexts.openTask(c).orElse(null);
        Set<String> addresses = new LinkedHashSet<>();
        if (!digestAgencies.includes(c.agency().code())) {
            addresses.add(lower(c.agency().email()));
            toAgency(MailEvent.OVERDUE_NOTICE, key + "agency", c, subject, Map.of("audience", "agency"), taskId);
        }
        if (addresses.add(lower(c.agency().headEmail()))) {
            outbox.enqueue(assignmentMail(MailEvent.OVERDUE_NOTICE, key + "head", c, subject, Map.of("audience", "head"), taskId)
                    .to(c.agency().headEmail(), "Lãnh đạo " + c.agency().name()));
        }
        for (Recipients.Person coordinator : recipients.membersOf(List.of(Roles.COORDINATOR))) {
            if (addresses.add(lower(coordinator.email()))) {
                outbox.enqueue(assignmentMail(MailEvent.OVERDUE_NOTICE, key + "user:" + coordinator.userId(), c, subject,
                        Map.of("audience", "coordinator"), taskId).to(coordinator.email(), coordinator.name()));
            }
        }
    }

    /**
     * Overdue beyond the tolerated working days: every provincial leader is asked to step in.
     *
     * @param leaderTaskId the leader's decision task, if the process created one (linked from the email);
     *                     then add its task key to {@code directive-tracker.mail.task-created.exclude-tasks}
     *                     so that the leaders do not also get the generic new-task email
     */
    public void escalationToLeader(long assignmentId, String leaderTaskId) {
        AssignmentContext c = contexts.load(assignmentId);
        String subject = "[Đề nghị chỉ đạo] Nhiệm vụ quá hạn của " + c.agency().shortName() + " – " + c.reference();
        for (Recipients.Person leader : recipients.membersOf(List.of(Roles.PROVINCIAL_LEADER))) {
            outbox.enqueue(assignmentMail(MailEvent.ESCALATION,
                    "escalation:" + assignmentId + ":" + c.assignment().deadline() + ":" + leader.userId(), c, subject,
                    Map.of(), leaderTaskId).to(leader.email(), leader.name()));
        }
    }

    /**
     * The coordinator or the leader decided the agency's extension request.
     *
     * @param decisionId  unique to this decision (the extension request's id, or the deciding task's id)
     * @param newDeadline the deadline granted; null when refused
     */
    public void extensionDecided(long assignmentId, String decisionId, boolean granted, LocalDate newDeadline, String comment) {
        AssignmentContext c = contexts.load(assignmentId);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("granted", granted);
        extra.put("newDeadlineLabel", newDeadline == null ? "" : newDeadline.format(VnFormats.DATE));
        extra.put("comment", textOrEmpty(comment));
        toAgency(MailEvent.EXTENSION_DECIDED, "extension-decided:" + assignmentId + ":" + decisionId, c,
                (granted ? "[Đồng ý gia hạn] " : "[Không đồng ý gia hạn] ") + c.reference()
                        + (granted && newDeadline != null ? " – hạn mới " + extra.get("newDeadlineLabel") : ""),
                extra, contexts.openTask(c).orElse(null));
    }


    /**
     * A periodic report of one agency is due soon, or overdue (then to its head as well).
     *
     * @param periodKey identifies the collection in the de-duplication key (e.g. its report-period id):
     *                  one email per period, agency, event and address
     */
    public void periodicReportReminder(boolean overdue, long directiveId, String agencyCode, String periodKey,
            String periodLabel, LocalDate cutOff, LocalDate deadline) {
        Directive directive = directiveService.get(directiveId);
        Agency agency = registry.get(agencyCode);
        MailEvent event = overdue ? MailEvent.REPORT_OVERDUE : MailEvent.REPORT_DUE_SOON;
        String key = event.key() + ":" + periodKey + ":" + agencyCode + ":";
        String subject = (overdue ? "[Quá hạn nộp báo cáo] " : "[Sắp đến hạn nộp báo cáo] ") + periodLabel
                + " – Văn bản số " + directive.number();
        Map<String, Object> model = Map.of("directive", directive, "periodLabel", periodLabel,
                "cutOffLabel", cutOff.format(VnFormats.DATE), "deadlineLabel", deadline.format(VnFormats.DATE));
        outbox.enqueue(MailRequest.of(event, key + "agency").to(agency.email(), agency.name()).subject(subject)
                .model(model).about(directiveId, null));
        if (overdue && !lower(agency.headEmail()).equals(lower(agency.email()))) {
            outbox.enqueue(MailRequest.of(event, key + "head").to(agency.headEmail(), "Lãnh đạo " + agency.name())
                    .subject(subject).model(model).about(directiveId, null));
        }
    }

    /**
     * A follow-up notice about one assignment: the provincial leader's formal reminder, a hand-over
     * to another agency, an amended deadline or agency list.
     *
     * @param occurrence makes the email unique besides the assignment (e.g. the new deadline), so a
     *                   retried job writes it once while the next occurrence gets its own
     * @param toHead     also to the agency's head
     */
    public void assignmentNotice(String occurrence, long assignmentId, boolean toHead, String headline, String message) {
        AssignmentContext c = contexts.load(assignmentId);
        String key = "assignment-notice:" + assignmentId + ":" + occurrence + ":";
        String subject = "[" + headline + "] " + c.reference();
        Map<String, Object> extra = Map.of("headline", headline, "message", textOrEmpty(message));
        String taskId = contexts.openTask(c).orElse(null);
        toAgency(MailEvent.ASSIGNMENT_NOTICE, key + "agency", c, subject, extra, taskId);
        if (toHead && !lower(c.agency().headEmail()).equals(lower(c.agency().email()))) {
            outbox.enqueue(assignmentMail(MailEvent.ASSIGNMENT_NOTICE, key + "head", c, subject, extra, taskId)
                    .to(c.agency().headEmail(), "Lãnh đạo " + c.agency().name()));
        }
    }

    // --- Helpers -----------------------------------------------------------------------------------

    private void toAgency(MailEvent event, String key, AssignmentContext c, String subject, Map<String, ?> extra,
            String taskId) {
        outbox.enqueue(assignmentMail(event, key, c, subject, extra, taskId).to(c.agency().email(), c.agency().name()));
    }

    private static MailRequest assignmentMail(MailEvent event, String key, AssignmentContext c, String subject,
            Map<String, ?> extra, String taskId) {
        return MailRequest.of(event, key)
                .subject(subject)
                .model(c.model())
                .model(extra)
                .about(c.directive().id(), c.assignment().id())
                .task(taskId);
    }

    /** An item as one agency reads it: with its role and deadline there. */
    public record AgencyItem(String label, String content, String roleLabel, String deadlineLabel) {}

    private Map<String, List<AgencyItem>> itemsByAgency(long directiveId) {
        Map<Long, DirectiveItem> items = new LinkedHashMap<>();
        directives.items(directiveId).forEach(i -> items.put(i.id(), i));
        Map<String, List<AgencyItem>> byAgency = new LinkedHashMap<>();
        for (Assignment a : assignments.ofDirective(directiveId)) {
            DirectiveItem item = items.get(a.itemId());
            byAgency.computeIfAbsent(a.agencyCode(), code -> new ArrayList<>()).add(new AgencyItem(
                    item.label(), item.content(), a.role().label(), AssignmentService.deadlineLabel(a)));
        }
        return byAgency;
    }

    /** "Kính gửi" recipients (sets expanded), then agencies that only have assignments. */
    private Set<String> agenciesOf(long directiveId, Map<String, List<AgencyItem>> itemsByAgency) {
        Set<String> agencies = new LinkedHashSet<>(registry.expand(directives.recipients(directiveId)));
        agencies.addAll(itemsByAgency.keySet());
        return agencies;
    }

    /** As {@link AgencyRegistry#get}: an agency the registry no longer has is an error, not a silent skip. */
    private static Agency known(Map<String, Agency> agencies, String code) {
        Agency agency = agencies.get(code);
        if (agency == null) {
            throw new UnknownAgencyException(code);
        }
        return agency;
    }

    private static String textOrEmpty(String text) {
        return text == null ? "" : text.strip();
    }

    private static String lower(String address) {
        return address == null ? "" : address.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
