package vn.directivetracker.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;
import vn.directivetracker.common.FieldViolation;
import vn.directivetracker.common.InvalidRequestException;
import vn.directivetracker.identity.EngineAsSystem;

/**
 * Keeps task hand-overs inside the caller's own groups: a candidate group added or removed must be
 * one of the caller's, and a user made assignee, owner, delegate or candidate must share a group
 * with the caller. So an officer cannot offer their agency's task to another agency, nor pull one
 * of its tasks to themselves through an identity link.
 */
@Component
class AgencyBoundary {

    private final IdentityService identityService;
    private final EngineAsSystem system;

    AgencyBoundary(IdentityService identityService, EngineAsSystem system) {
        this.identityService = identityService;
        this.system = system;
    }

    /** Checks {@code groupId}, {@code userId}, {@code assignee} and {@code owner} of a request body. */
    void requireWithin(String caller, Collection<String> callerGroups, JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        String group = text(body, "groupId");
        if (group != null && !callerGroups.contains(group)) {
            violations.add(new FieldViolation("groupId", "Nhóm '" + group + "' không thuộc đơn vị của bạn"));
        }
        for (String field : List.of("userId", "assignee", "owner")) {
            String user = text(body, field);
            if (user != null && !user.equals(caller) && !sharesGroup(user, callerGroups)) {
                violations.add(new FieldViolation(field, "Người dùng '" + user + "' không thuộc đơn vị của bạn"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    private boolean sharesGroup(String user, Collection<String> callerGroups) {
        List<String> groups = system.call(() -> identityService.createGroupQuery().groupMember(user).list())
                .stream().map(Group::getId).toList();
        return groups.stream().anyMatch(callerGroups::contains);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
