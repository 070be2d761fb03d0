package vn.directivetracker.directive;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.assignment.AssignmentStatuses;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.RequestParam;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.CurrentActor;
import vn.directivetracker.agency.AgencyScope;
import vn.directivetracker.agency.CurrentScope;

@RestController
@RequestMapping("/api/directives")
class DirectiveController {

    private final DirectiveService directives;
    private final DirectiveRepository repository;
    private final AssignmentRepository assignments;
    private final AgencyRegistry registry;
    private final CurrentActor actor;
    private final Clocks clocks;
    private final AssignmentStatuses statuses;
    private final CurrentScope scope;
    private final vn.directivetracker.common.SystemActions systemActions;

    DirectiveController(DirectiveService directives, DirectiveRepository repository, AssignmentRepository assignments,
            AgencyRegistry registry, CurrentActor actor, Clocks clocks, AssignmentStatuses statuses, CurrentScope scope,
            vn.directivetracker.common.SystemActions systemActions) {
        this.systemActions = systemActions;
        this.statuses = statuses;
        this.scope = scope;
        this.directives = directives;
        this.repository = repository;
        this.assignments = assignments;
        this.registry = registry;
        this.actor = actor;
        this.clocks = clocks;
    }

    /** Coordinators only: the rule sits in access.SecurityConfig, checked before the body is read. */
    @PostMapping
    ResponseEntity<Map<String, Object>> submit(@Valid @RequestBody DirectiveRequest request) {
        long id = directives.submit(request, actor.userId());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(Map.of(
                "id", id,
                "status", DirectiveStatus.IN_REVIEW,
                "location", location.toString()));
    }

    /**
     * The directive with every assignment's status as of {@code asOf} (default: today). Provincial
     * roles see every assignment; an agency sees only its own, and 403 if it has none (ADR 6).
     */
    @GetMapping("/{id}")
    DirectiveView get(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        vn.directivetracker.common.ReferenceDates.check("asOf", asOf);
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

    record Revocation(@jakarta.validation.constraints.NotBlank(message = "Chưa nêu lý do thu hồi")
            @jakarta.validation.constraints.Size(max = 2000) String reason) {}

    /** Coordinators revoke an issued directive: all open assignments are cancelled and agencies told. */
    @PostMapping("/{id}/revoke")
    DirectiveView revoke(@PathVariable long id, @Valid @RequestBody Revocation revocation) {
        String coordinator = actor.userId();
        systemActions.run(() -> directives.revoke(id, revocation.reason(), coordinator));
        return get(id, null);
    }

    /** An amendment of one item: a new deadline and/or agencies added or removed, with the reason. */
    record ItemAmendment(
            LocalDate deadline,
            List<String> addLeadAgencies,
            List<String> addCoordinatingAgencies,
            List<String> removeAgencies,
            @jakarta.validation.constraints.NotBlank(message = "Chưa nêu lý do điều chỉnh")
            @jakarta.validation.constraints.Size(max = 2000) String reason) {

        static List<String> orEmpty(List<String> list) {
            return list == null ? List.of() : list;
        }
    }

    /** Coordinators amend one item; open work follows (timers, agencies' processes), history is kept. */
    @org.springframework.web.bind.annotation.PatchMapping("/{id}/items/{label}")
    DirectiveView amendItem(@PathVariable long id, @PathVariable String label, @Valid @RequestBody ItemAmendment change) {
        String coordinator = actor.userId();
        // Checked here (coordinators only); the engine then moves every affected agency's process.
        systemActions.run(() -> directives.amendItem(id, label, change.deadline(),
                ItemAmendment.orEmpty(change.addLeadAgencies()), ItemAmendment.orEmpty(change.addCoordinatingAgencies()),
                ItemAmendment.orEmpty(change.removeAgencies()), change.reason(), coordinator));
        return get(id, null);
    }

    /** An agency reads only the events of its own assignments; the drafting and signing stay internal. */
    @GetMapping("/{id}/history")
    List<DirectiveEvent> history(@PathVariable long id) {
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
