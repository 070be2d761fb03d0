package vn.directivetracker.directive;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.context.ApplicationEventPublisher;
import vn.directivetracker.common.ConflictException;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.SystemActions;
import vn.directivetracker.common.NotFoundException;
import vn.directivetracker.common.TrackerProperties;

/**
 * The life of a directive in our tables. Each method runs in the caller's transaction, which is the
 * engine's when called from a delegate: the business rows and the process state commit or roll back
 * together.
 */
@Service
public class DirectiveService {

    private final DirectiveRepository directives;
    private final DirectiveRequestValidator validator;
    private final DocumentNumberSeries numberSeries;
    private final RuntimeService runtimeService;
    private final TrackerProperties properties;
    private final Clocks clocks;
    private final ApplicationEventPublisher events;
    private final SystemActions systemActions;
    private final NumberingProperties numbering;

    public DirectiveService(DirectiveRepository directives, DirectiveRequestValidator validator,
            DocumentNumberSeries numberSeries, RuntimeService runtimeService,
            TrackerProperties properties, Clocks clocks, ApplicationEventPublisher events,
            SystemActions systemActions, NumberingProperties numbering) {
        this.systemActions = systemActions;
        this.numbering = numbering;
        this.events = events;
        this.directives = directives;
        this.validator = validator;
        this.numberSeries = numberSeries;
        this.runtimeService = runtimeService;
        this.properties = properties;
        this.clocks = clocks;
    }

    /** "Phát hành": tells every agency the letter names (an email each, written to the outbox by {@code notification}). */
    public void announceIssued(long id) {
        events.publishEvent(new DirectiveEvents.Issued(id));
    }

    /** After revocation: every agency of the letter learns its work under it is cancelled, and why. */
    public void announceRevoked(long id) {
        events.publishEvent(new DirectiveEvents.Revoked(id, get(id).revocationReason()));
    }

    /** Stores the draft and starts its issuance: review, signature, numbering. All or nothing. */
    @Transactional
    public long submit(DirectiveRequest request, String drafter) {
        validator.validate(request);
        String place = request.place() == null || request.place().isBlank() ? properties.place() : request.place();
        long id = directives.insertDraft(request, place, drafter, clocks.now());
        ProcessInstance instance = runtimeService.createProcessInstanceByKey(DirectiveIssuanceProcess.KEY)
                .businessKey(String.valueOf(id))
                .setVariable(DirectiveIssuanceProcess.Variables.DIRECTIVE_ID, id)
                .setVariable(DirectiveIssuanceProcess.Variables.DIRECTIVE_SUBJECT, request.subject())
                .setVariable(DirectiveIssuanceProcess.Variables.DRAFTER, drafter)
                .execute();
        directives.setIssuanceProcess(id, instance.getId());
        directives.recordEvent(id, null, DirectiveEventType.SUBMITTED, drafter, null, clocks.now());
        return id;
    }

    public Directive get(long id) {
        return directives.find(id).orElseThrow(() -> new NotFoundException("Không có văn bản chỉ đạo " + id));
    }

    /**
     * Numbers and issues the directive; {@code assignment} plans its assignments on
     * {@link DirectiveEvents.Issuing}, in this transaction. Idempotent: a retried job keeps the number
     * already given and publishes the event again, so only missing assignments are added.
     *
     * <p>The number is taken last: its update locks the series' counter for the year until this
     * transaction commits, so every other letter of the series waits for it (ADR 39). Planning ~170
     * assignments held that lock for tens of milliseconds per letter; now it is held for the directive
     * row's update and the engine's flush at the end of the step.
     *
     * @return the document number
     */
    @Transactional
    public String issue(long id) {
        Directive directive = get(id);
        if (directive.number() != null) {
            events.publishEvent(new DirectiveEvents.Issuing(id, directive.issueDate()));
            return directive.number();
        }
        LocalDate issueDate = clocks.today();
        events.publishEvent(new DirectiveEvents.Issuing(id, issueDate));
        String series = numbering.seriesOf(directive.type());
        int sequence = numberSeries.next(series, issueDate.getYear());
        String number = numbering.format(directive.type(), sequence, issueDate.getYear(), directive.fieldCode());
        directives.markIssued(id, series, issueDate.getYear(), sequence, number, issueDate);
        return number;
    }

    public void recordDecision(long id, DirectiveStatus newStatus, DirectiveEventType event, String actor, String comment) {
        directives.updateStatus(id, newStatus);
        directives.recordEvent(id, null, event, actor, comment, clocks.now());
    }

    public void startExecution(long id, String number) {
        Directive directive = get(id);
        if (directive.executionProcessInstanceId() != null) {
            return;
        }
        ProcessInstance instance = runtimeService.createProcessInstanceByKey(DirectiveExecutionProcess.KEY)
                .businessKey(number)
                .setVariable(DirectiveExecutionProcess.Variables.DIRECTIVE_ID, id)
                .setVariable(DirectiveExecutionProcess.Variables.DIRECTIVE_NUMBER, number)
                .execute();
        directives.setExecutionProcess(id, instance.getId());
    }

    /**
     * Revokes an issued directive: every open assignment is cancelled now ({@code assignment} on
     * {@link DirectiveEvents.RevocationRecorded}, in this transaction), the fan-out is interrupted
     * (which cancels each agency's process), and the agencies are told by the process.
     */
    @Transactional
    public void revoke(long id, String reason, String actor) {
        Directive directive = get(id);
        if (directive.status() != DirectiveStatus.ISSUED) {
            throw new ConflictException("Chỉ thu hồi được văn bản đang thực hiện (trạng thái hiện tại: " + directive.status() + ")");
        }
        LocalDateTime now = clocks.now();
        directives.markRevoked(id, reason, now);
        events.publishEvent(new DirectiveEvents.RevocationRecorded(id, now, actor, reason));
        directives.recordEvent(id, null, DirectiveEventType.REVOKED, actor, reason, clocks.now());
        if (directive.executionProcessInstanceId() != null) {
            // As the system: no user holds the right to correlate this on the engine (ADR 12), so
            // the only way to revoke is this method, which closes the assignments above first.
            systemActions.run(() -> runtimeService.createMessageCorrelation(DirectiveExecutionProcess.MESSAGE_DIRECTIVE_REVOKED)
                    .processInstanceId(directive.executionProcessInstanceId())
                    .correlateWithResult());
        }
    }

    public void close(long id, String actor, String evaluation) {
        recordDecision(id, DirectiveStatus.CLOSED, DirectiveEventType.CLOSED, actor, evaluation);
    }
}
