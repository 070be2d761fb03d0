package vn.directivetracker.directive;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.agency.AgencyScope;
import vn.directivetracker.agency.CurrentScope;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.assignment.AssignmentStatuses;
import vn.directivetracker.common.Clocks;

/**
 * What the directive API shows: the letter with every assignment's status, and its history, each cut
 * to what the signed-in user's agencies may see (docs/adr/0006-authorization-model.md).
 */
@Service
public class DirectiveViews {

    private final DirectiveService directives;
    private final DirectiveRepository repository;
    private final AssignmentRepository assignments;
    private final AgencyRegistry registry;
    private final Clocks clocks;
    private final AssignmentStatuses statuses;
    private final CurrentScope scope;

    DirectiveViews(DirectiveService directives, DirectiveRepository repository, AssignmentRepository assignments,
            AgencyRegistry registry, Clocks clocks, AssignmentStatuses statuses, CurrentScope scope) {
        this.directives = directives;
        this.repository = repository;
        this.assignments = assignments;
        this.registry = registry;
        this.clocks = clocks;
        this.statuses = statuses;
        this.scope = scope;
    }

    /**
     * The directive with every assignment's status as of {@code asOf} (null: today). Provincial roles
     * see every assignment; an agency sees only its own, and is refused if it has none.
     */
    public DirectiveView view(long id, LocalDate asOf) {
        Directive d = directives.get(id);
        List<Assignment> list = scope.get().visible(assignments.ofDirective(id), Assignment::agencyCode);
        List<DirectiveItem> items = repository.items(id);
        Map<Long, String> itemLabels = items.stream().collect(Collectors.toMap(DirectiveItem::id, DirectiveItem::label));
        Map<String, Agency> agencies = registry.byCodes(list.stream().map(Assignment::agencyCode).distinct().toList());
        LocalDate reference = asOf != null ? asOf : clocks.today();
        return new DirectiveView(
                d.id(), d.type(), d.number(), d.subject(), d.legalBasis(), d.place(), d.urgency(),
                new DirectiveView.Signer(d.signerAuthority(), d.signerTitle(), d.signerName()),
                repository.recipients(id), d.copyTo(), d.archiveCodes(), d.issueDate(), d.periodEnd(), d.status(),
                d.revokedAt(), d.revocationReason(), d.draftedBy(), d.createdAt(),
                items.stream().map(i -> new DirectiveView.Item(i.label(), i.content(), i.deadline(),
                        i.deadlineWorkingDays(), i.ongoing(), i.reportSchedule(), i.responsible())).toList(),
                list.stream().map(a -> view(a, itemLabels, agencies, reference)).toList(),
                reference);
    }

    private DirectiveView.AssignmentView view(Assignment a, Map<Long, String> itemLabels, Map<String, Agency> agencies,
            LocalDate asOf) {
        AssignmentStatuses.Status status = statuses.of(a, asOf);
        return new DirectiveView.AssignmentView(
                a.id(), itemLabels.get(a.itemId()), a.agencyCode(), agencies.get(a.agencyCode()).name(), a.role(),
                a.deadline(), a.phase().name(), status.bucket(), status.bucket().label(), status.dueSoon(),
                a.acknowledgedAt(), a.resultSubmittedAt(), a.completedAt(), a.processInstanceId());
    }

    /** An agency reads only the events of its own assignments; the drafting and signing stay internal. */
    public List<DirectiveEvent> history(long id) {
        directives.get(id);
        AgencyScope visibleTo = scope.get();
        if (visibleTo.provinceWide()) {
            return repository.events(id);
        }
        Set<Long> own = visibleTo.visible(assignments.ofDirective(id), Assignment::agencyCode).stream()
                .map(Assignment::id).collect(Collectors.toSet());
        return repository.events(id).stream().filter(e -> own.contains(e.assignmentId())).toList();
    }
}
