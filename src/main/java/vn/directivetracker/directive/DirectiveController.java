package vn.directivetracker.directive;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.directivetracker.common.CurrentActor;

/**
 * New drafts. The answers that show a directive with its assignments (view, revocation, amendments,
 * history) are served from {@code assignment.DirectiveDetailsController} under the same paths.
 */
@RestController
@RequestMapping("/api/directives")
class DirectiveController {

    // Coordinators only for submit, revoke and amend: the rule sits in access.SecurityConfig and is
    // checked before the body is read.

    private final DirectiveService directives;
    private final CurrentActor actor;

    DirectiveController(DirectiveService directives, CurrentActor actor) {
        this.directives = directives;
        this.actor = actor;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> submit(@Valid @RequestBody DirectiveRequest request) {
        long id = directives.submit(request, actor.userId());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(id).toUri();
        return ResponseEntity.created(location).body(Map.of(
                "id", id,
                "status", DirectiveStatus.IN_REVIEW,
                "location", location.toString()));
    }
}
