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
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.CurrentActor;
import vn.directivetracker.common.ForbiddenException;
import vn.directivetracker.security.AgencyScope;
import vn.directivetracker.security.CurrentScope;
import vn.directivetracker.security.Roles;

@RestController
@RequestMapping("/api/directives")
class DirectiveController {

    private final DirectiveService directives;
    private final DirectiveRepository repository;
    private final AssignmentRepository assignments;
    private final AgencyRegistry registry;
    private final CurrentActor actor;
    private final Clocks clocks;
    private final CurrentScope scope;

    DirectiveController(DirectiveService directives, DirectiveRepository repository, AssignmentRepository assignments,
            AgencyRegistry registry, CurrentActor actor, Clocks clocks, CurrentScope scope) {
        this.directives = directives;
        this.repository = repository;
        this.assignments = assignments;
        this.registry = registry;
        this.actor = actor;
        this.clocks = clocks;
        this.scope = scope;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> submit(@Valid @RequestBody DirectiveRequest request) {
        if (!actor.isMemberOf(Roles.COORDINATOR)) {
            throw new ForbiddenException("Chỉ chuyên viên theo dõi (nhóm coordinator) được trình văn bản chỉ đạo");
        }
        long id = directives.submit(request, actor.userId());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(Map.of(
                "id", id,
                "status", DirectiveStatus.IN_REVIEW,
                "location", location.toString()));
    }

    /** Provincial roles see every assignment; an agency sees only its own, and 403 if it has none (ADR 6). */
    @GetMapping("/{id}")
    DirectiveView get(@PathVariable long id) {
        Directive d = directives.get(id);
        List<Assignment> list = scope.get().visible(assignments.ofDirective(id), Assignment::agencyCode);
        List<DirectiveItem> items = repository.items(id);
        Map<Long, String> itemLabels = items.stream().collect(Collectors.toMap(DirectiveItem::id, DirectiveItem::label));
        Map<String, Agency> agencies = registry.byCodes(list.stream().map(Assignment::agencyCode).distinct().toList());
        var today = clocks.today();
        return new DirectiveView(
                d.id(), d.type(), d.number(), d.subject(), d.legalBasis(), d.place(), d.urgency(),
                new DirectiveView.Signer(d.signerAuthority(), d.signerTitle(), d.signerName()),
                repository.recipients(id), d.copyTo(), d.archiveCodes(), d.issueDate(), d.status(), d.draftedBy(),
                d.createdAt(),
                items.stream().map(i -> new DirectiveView.Item(i.label(), i.content(), i.deadline(),
                        i.deadlineWorkingDays(), i.ongoing(), i.reportSchedule(), i.responsible())).toList(),
                list.stream().map(a -> new DirectiveView.AssignmentView(
                        a.id(), itemLabels.get(a.itemId()), a.agencyCode(), agencies.get(a.agencyCode()).name(),
                        a.role(), a.deadline(), a.phase().name(), a.statusAsOf(today), a.statusAsOf(today).label(),
                        a.acknowledgedAt(), a.resultSubmittedAt(), a.completedAt(), a.processInstanceId())).toList(),
                today);
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
