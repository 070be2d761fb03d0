package vn.directivetracker.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.web.bind.annotation.PathVariable;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.ConflictException;
import vn.directivetracker.directive.DirectiveStatus;
import vn.directivetracker.directive.DraftRevision;
import vn.directivetracker.common.InvalidRequestException;
import vn.directivetracker.common.NotFoundException;
import vn.directivetracker.directive.DirectiveRequest;
import vn.directivetracker.directive.DirectiveService;
import vn.directivetracker.directive.DocumentType;
import vn.directivetracker.directive.Urgency;

/**
 * "Tạo văn bản mới": paste or upload the letter, "Phân tích" proposes the breakdown, the coordinator
 * corrects it, then "Lưu nháp" keeps it or "Trình duyệt" submits it through {@link DirectiveService}
 * with the validation of {@code POST /api/directives}. An error shows next to its field and saves
 * nothing.
 */
@Controller
class NewDirectiveController {

    private final LetterReading letters;
    private final DirectiveService directives;
    private final Validator validator;
    private final Drafts drafts;
    private final WorkspaceUser user;
    private final ObjectMapper json;
    private final TransactionTemplate transactions;
    private final Clocks clocks;
    private final DraftRevision revision;

    NewDirectiveController(LetterReading letters, DirectiveService directives, Validator validator, Drafts drafts,
            WorkspaceUser user, ObjectMapper json, TransactionTemplate transactions, Clocks clocks, DraftRevision revision) {
        this.revision = revision;
        this.letters = letters;
        this.directives = directives;
        this.validator = validator;
        this.drafts = drafts;
        this.user = user;
        this.json = json;
        this.transactions = transactions;
        this.clocks = clocks;
    }

    @GetMapping("/app/directives/new")
    String start(@RequestParam(required = false) Long draft, Model model) {
        user.requireCoordinator();
        DirectiveForm form = new DirectiveForm();
        if (draft != null) {
            form = read(drafts.formOf(draft, user.id()).orElseThrow(() -> new NotFoundException("Không có bản nháp số " + draft)));
            form.setDraftId(draft);
        }
        return page(model, form, Map.of(), Map.of(), List.of());
    }

    /** A draft returned by the office leader or the provincial leader (ReviseDraft) opens in this same form. */
    @GetMapping("/app/directives/{id}/revise")
    String revise(@PathVariable long id, Model model) {
        user.requireCoordinator();
        if (directives.get(id).status() != DirectiveStatus.RETURNED_FOR_REVISION) {
            throw new ConflictException("Văn bản này không ở trạng thái trả lại để chỉnh sửa");
        }
        DirectiveForm form = DirectiveForm.of(revision.current(id));
        form.setDirectiveId(id);
        return page(model, form, Map.of(), Map.of(), List.of());
    }

    /** "Phân tích": the pasted text or the uploaded file → the proposal, editable. Nothing is stored. */
    @PostMapping("/app/directives/parse")
    String parse(@RequestParam(required = false) String text, @RequestParam(required = false) MultipartFile file, Model model) {
        user.requireCoordinator();
        try {
            LetterReading.Result result = letters.read(text, file);
            model.addAttribute("parsed", result.summary());
            return page(model, DirectiveForm.of(result.request()), Map.of(), result.warningsByField(), result.generalWarnings());
        } catch (LetterReading.Unreadable unreadable) {
            model.addAttribute("parseError", unreadable.getMessage());
            model.addAttribute("pasted", text != null && text.length() <= 200_000 ? text : "");
            return page(model, new DirectiveForm(), Map.of(), Map.of(), List.of());
        }
    }

    @PostMapping("/app/directives")
    String save(@ModelAttribute("form") DirectiveForm form, @RequestParam(defaultValue = "submit") String action,
            Model model, RedirectAttributes flash) {
        user.requireCoordinator();
        if ("draft".equals(action) && form.getDirectiveId() == null) {
            long id = drafts.save(form.getDraftId(), user.id(), form.getSubject(), write(form), clocks.now());
            flash.addFlashAttribute("notice", "Đã lưu nháp: " + (form.getSubject() == null ? "(chưa có trích yếu)" : form.getSubject()));
            return "redirect:/app/directives/new?draft=" + id;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        DirectiveRequest request = form.toRequest(errors);
        FieldErrors.of(validator.validate(request)).forEach(errors::putIfAbsent);
        if (errors.isEmpty()) {
            try {
                String drafter = user.id();
                if (form.getDirectiveId() != null) {
                    long revised = form.getDirectiveId();
                    revision.revise(revised, request, form.getRevisionNote());
                    flash.addFlashAttribute("actionDone", "Đã sửa dự thảo và trình kiểm tra lại.");
                    return "redirect:/app/directives/" + revised;
                }
                Long id = transactions.execute(status -> {
                    long created = directives.submit(request, drafter);
                    if (form.getDraftId() != null) {
                        drafts.delete(form.getDraftId(), drafter);
                    }
                    return created;
                });
                flash.addFlashAttribute("actionDone", "Đã trình duyệt dự thảo; lãnh đạo Văn phòng kiểm tra dự thảo trong Tasklist.");
                return "redirect:/app/directives/" + id;
            } catch (InvalidRequestException invalid) {
                invalid.violations().forEach(v -> FieldErrors.add(errors, v));
            } catch (ProcessEngineException engine) {
                // The engine wraps what a listener or the validator threw inside its command.
                if (engine.getCause() instanceof InvalidRequestException invalid) {
                    invalid.violations().forEach(v -> FieldErrors.add(errors, v));
                } else {
                    throw engine;
                }
            }
        }
        model.addAttribute("errorCount", errors.size());
        return page(model, form, errors, Map.of(), List.of());
    }

    private String page(Model model, DirectiveForm form, Map<String, String> errors, Map<String, List<String>> warnings,
            List<String> generalWarnings) {
        if (form.getItems().isEmpty()) {
            form.getItems().add(new DirectiveForm.ItemForm());
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("warnings", warnings);
        model.addAttribute("generalWarnings", generalWarnings);
        model.addAttribute("types", DocumentType.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("schedules", ScheduleLabels.LABELS);
        return "app/form";
    }

    private String write(DirectiveForm form) {
        try {
            return json.writeValueAsString(form);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private DirectiveForm read(String text) {
        try {
            return json.readerFor(DirectiveForm.class)
                    .without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Bản nháp hỏng", e);
        }
    }
}
