package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.directive.DirectiveRepository;
import vn.directivetracker.directive.DirectiveService;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * ADR 25: an assignment email's stored model holds only what the templates read (the directive's
 * number, subject, issue date and signer; the item's label and text) instead of the whole directive
 * and item with its responsible agencies. Every email built on it must read exactly as before: each
 * template is rendered from the model as it was stored until now and from the lean one, both through
 * the stored JSON as the dispatcher reads it, and compared character by character.
 */
class LeanAssignmentModelTest extends IntegrationTest {

    private static final List<MailEvent> ASSIGNMENT_EMAILS = List.of(MailEvent.ASSIGNMENT_RECEIVED, MailEvent.HEAD_RETURNED,
            MailEvent.RESULT_RETURNED, MailEvent.RESULT_ACCEPTED, MailEvent.ACKNOWLEDGEMENT_REMINDER,
            MailEvent.DUE_SOON_REMINDER, MailEvent.OVERDUE_NOTICE, MailEvent.ESCALATION, MailEvent.EXTENSION_DECIDED,
            MailEvent.ASSIGNMENT_NOTICE);

    @Autowired AssignmentContexts contexts;
    @Autowired AssignmentRepository assignments;
    @Autowired DirectiveRepository directiveRepository;
    @Autowired DirectiveService directives;
    @Autowired MailTemplates templates;

    @Test
    void everyAssignmentEmailReadsAsFromTheFullModel() {
        long directiveId = submitAndIssue(DirectiveFixtures.withDeadline("V/v thử mô hình thư gọn " + System.nanoTime(),
                List.of("SNGV", "STC"), LocalDate.now().plusDays(40)));
        for (Assignment assignment : assignments.ofDirective(directiveId)) {
            AssignmentContext context = contexts.load(assignment.id());
            Map<String, Object> full = new LinkedHashMap<>(context.model());
            // As AssignmentContext.model() stored them before ADR 25: the records themselves.
            full.put("directive", directives.get(directiveId));
            full.put("item", directiveRepository.items(directiveId).stream()
                    .filter(item -> item.id() == assignment.itemId()).findFirst().orElseThrow());
            Map<String, Object> lean = new LinkedHashMap<>(context.model());
            assertThat(MailModel.encode(lean).length()).isLessThan(MailModel.encode(full).length());

            for (MailEvent event : ASSIGNMENT_EMAILS) {
                for (Map<String, Object> extra : extras()) {
                    MailTemplates.Rendered before = render(event, full, extra);
                    MailTemplates.Rendered after = render(event, lean, extra);
                    assertThat(after.text()).as(event + " text").isEqualTo(before.text()).contains(context.directive().number());
                    assertThat(after.html()).as(event + " html").isEqualTo(before.html());
                }
            }
        }
    }

    private MailTemplates.Rendered render(MailEvent event, Map<String, Object> assignmentModel, Map<String, Object> extra) {
        Map<String, Object> model = new LinkedHashMap<>(assignmentModel);
        model.putAll(extra);
        // What Outbox.enqueue adds to every row.
        model.put("subject", "[Nhắc việc] thử");
        model.put("issuingBody", "ỦY BAN NHÂN DÂN TỈNH GIA LAI");
        model.put("recipientName", "Sở Nội vụ");
        model.put("link", "http://localhost:8080/camunda/app/tasklist/default/#/?task=abc");
        model.put("linkToTask", true);
        return templates.render(event.key(), MailModel.decode(MailModel.encode(model)));
    }

    /** The per-event values NotificationService adds, in the variants the templates branch on. */
    private static List<Map<String, Object>> extras() {
        Map<String, Object> common = new LinkedHashMap<>();
        common.put("comment", "Bổ sung số liệu quý III");
        common.put("reason", "Thiếu phụ lục");
        common.put("headline", "Điều chỉnh hạn");
        common.put("message", "Hạn mới theo ý kiến lãnh đạo");
        common.put("newDeadlineLabel", "31/12/2026");
        Map<String, Object> agencyGranted = new LinkedHashMap<>(common);
        agencyGranted.put("audience", "agency");
        agencyGranted.put("granted", true);
        Map<String, Object> headRefused = new LinkedHashMap<>(common);
        headRefused.put("audience", "head");
        headRefused.put("granted", false);
        Map<String, Object> coordinator = new LinkedHashMap<>(common);
        coordinator.put("audience", "coordinator");
        coordinator.put("granted", true);
        return List.of(agencyGranted, headRefused, coordinator);
    }
}
