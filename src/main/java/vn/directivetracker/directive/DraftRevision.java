package vn.directivetracker.directive;

import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.directivetracker.common.ConflictException;
import vn.directivetracker.common.TrackerProperties;

/**
 * A returned draft revised and sent for review again: the content is replaced (same validation as a
 * new submission) and the drafter's "Chỉnh sửa dự thảo" task is completed with the revision note,
 * all in one transaction. The task is completed as the caller, so the engine checks it is theirs.
 */
@Service
public class DraftRevision {

    private final DirectiveService directives;
    private final DirectiveRepository repository;
    private final DirectiveRequestValidator validator;
    private final TaskService taskService;
    private final TrackerProperties properties;

    DraftRevision(DirectiveService directives, DirectiveRepository repository, DirectiveRequestValidator validator,
            TaskService taskService, TrackerProperties properties) {
        this.directives = directives;
        this.repository = repository;
        this.validator = validator;
        this.taskService = taskService;
        this.properties = properties;
    }

    /** The draft as it stands, in the shape of a submission (to fill the editing form). */
    public DirectiveRequest current(long id) {
        Directive d = directives.get(id);
        return new DirectiveRequest(d.type(), d.fieldCode(), d.subject(), d.legalBasis(), d.place(), d.urgency(),
                new DirectiveRequest.Signer(d.signerAuthority(), d.signerTitle(), d.signerName()),
                repository.recipients(id), d.copyTo(), d.archiveCodes(), d.closingText(), d.periodEnd(),
                repository.items(id).stream().map(DraftRevision::item).toList());
    }

    @Transactional
    public void revise(long id, DirectiveRequest request, String note) {
        Directive directive = directives.get(id);
        if (directive.status() != DirectiveStatus.RETURNED_FOR_REVISION) {
            throw new ConflictException("Chỉ sửa được dự thảo đang bị trả lại để chỉnh sửa");
        }
        Task task = taskService.createTaskQuery().processInstanceId(directive.issuanceProcessInstanceId())
                .taskDefinitionKey(DirectiveIssuanceProcess.Elements.REVISE_DRAFT).singleResult();
        if (task == null) {
            throw new ConflictException("Không tìm thấy việc 'Chỉnh sửa dự thảo' của văn bản này");
        }
        validator.validate(request);
        String place = request.place() == null || request.place().isBlank() ? properties.place() : request.place();
        repository.replaceDraft(id, request, place);
        taskService.complete(task.getId(), Map.of(
                DirectiveIssuanceProcess.Variables.DIRECTIVE_SUBJECT, request.subject(),
                DirectiveIssuanceProcess.Variables.REVISION_NOTE, note == null || note.isBlank() ? "Đã chỉnh sửa dự thảo" : note));
    }

    private static DirectiveRequest.Item item(DirectiveItem i) {
        return new DirectiveRequest.Item(i.label(), i.content(),
                i.responsible().stream().filter(r -> r.role() == ResponsibleRole.LEAD).map(DirectiveItem.Responsible::code).toList(),
                i.responsible().stream().filter(r -> r.role() == ResponsibleRole.COORDINATING).map(DirectiveItem.Responsible::code).toList(),
                i.deadline(), i.deadlineWorkingDays(), i.ongoing(), i.reportSchedule());
    }
}
