package vn.directivetracker.directive;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.RequestParam;
import vn.directivetracker.common.CurrentActor;
import vn.directivetracker.identity.Roles;

@RestController
@RequestMapping("/api/directives")
class DirectiveController {

    private static final String COORDINATORS_ONLY = "Chỉ chuyên viên theo dõi (nhóm coordinator) được thực hiện thao tác này";

    private final DirectiveService directives;
    private final DirectiveViews views;
    private final CurrentActor actor;
    private final vn.directivetracker.common.SystemActions systemActions;

    DirectiveController(DirectiveService directives, DirectiveViews views, CurrentActor actor,
            vn.directivetracker.common.SystemActions systemActions) {
        this.directives = directives;
        this.views = views;
        this.actor = actor;
        this.systemActions = systemActions;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> submit(@Valid @RequestBody DirectiveRequest request) {
        actor.requireMemberOf(Roles.COORDINATOR, COORDINATORS_ONLY);
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
        return views.view(id, asOf);
    }

    record Revocation(@jakarta.validation.constraints.NotBlank(message = "Chưa nêu lý do thu hồi")
            @jakarta.validation.constraints.Size(max = 2000) String reason) {}

    /** Coordinators revoke an issued directive: all open assignments are cancelled and agencies told. */
    @PostMapping("/{id}/revoke")
    DirectiveView revoke(@PathVariable long id, @Valid @RequestBody Revocation revocation) {
        actor.requireMemberOf(Roles.COORDINATOR, COORDINATORS_ONLY);
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
        actor.requireMemberOf(Roles.COORDINATOR, COORDINATORS_ONLY);
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
        return views.history(id);
    }
}
