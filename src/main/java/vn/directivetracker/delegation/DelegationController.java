package vn.directivetracker.delegation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.directivetracker.common.CurrentActor;
import vn.directivetracker.common.ForbiddenException;
import vn.directivetracker.common.NotFoundException;
import vn.directivetracker.identity.Roles;

/**
 * {@code /api/delegations}: a user names a deputy for a date range ("ủy quyền"), lists and cancels
 * their delegations, and reads who acted for whom. A delegation is visible to its two people, to
 * coordinators and leaders (who audit) and to administrators; to anyone else it does not exist.
 */
@RestController
@RequestMapping("/api/delegations")
class DelegationController {

    record DelegationRequest(
            @NotBlank(message = "Chưa chọn người được ủy quyền") String deputy,
            @NotNull(message = "Chưa có ngày bắt đầu") LocalDate from,
            @NotNull(message = "Chưa có ngày kết thúc") LocalDate to,
            @Size(max = 1000, message = "Lý do dài quá 1000 ký tự") String reason,
            /** Administrators only: delegate on behalf of someone else. */
            String delegator) {}

    private static final List<String> AUDITORS =
            List.of(Roles.COORDINATOR, Roles.OFFICE_LEADER, Roles.PROVINCIAL_LEADER, Roles.CAMUNDA_ADMIN);

    private final DelegationService delegations;
    private final DelegationViews views;
    private final CurrentActor actor;

    DelegationController(DelegationService delegations, DelegationViews views, CurrentActor actor) {
        this.delegations = delegations;
        this.views = views;
        this.actor = actor;
    }

    @PostMapping
    ResponseEntity<DelegationView> create(@Valid @RequestBody DelegationRequest request) {
        String caller = actor.userId();
        String delegator = request.delegator() == null || request.delegator().isBlank() ? caller : request.delegator();
        Delegation created = delegations.create(delegator, request.deputy(), request.from(), request.to(), request.reason(),
                caller, actor.isMemberOf(Roles.CAMUNDA_ADMIN));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(views.of(created));
    }

    /** Mine (as the absent user or the deputy); {@code all=true} lists every delegation for auditors. */
    @GetMapping
    List<DelegationView> list(@RequestParam(defaultValue = "false") boolean all) {
        List<Delegation> found = all && isAuditor() ? delegations.all() : delegations.involving(actor.userId());
        return found.stream().map(views::summary).toList();
    }

    @GetMapping("/{id}")
    DelegationView get(@PathVariable long id) {
        return views.of(visible(id));
    }

    @DeleteMapping("/{id}")
    DelegationView cancel(@PathVariable long id) {
        Delegation delegation = visible(id);
        if (!delegation.delegatorId().equals(actor.userId()) && !actor.isMemberOf(Roles.CAMUNDA_ADMIN)) {
            throw new ForbiddenException("Chỉ người ủy quyền hoặc quản trị hệ thống được hủy ủy quyền");
        }
        return views.of(delegations.cancel(id, actor.userId()));
    }

    private Delegation visible(long id) {
        Delegation delegation = delegations.get(id);
        String caller = actor.userId();
        if (!caller.equals(delegation.delegatorId()) && !caller.equals(delegation.deputyId()) && !isAuditor()) {
            throw new NotFoundException("Không có ủy quyền số " + id);
        }
        return delegation;
    }

    private boolean isAuditor() {
        return AUDITORS.stream().anyMatch(actor::isMemberOf);
    }
}
