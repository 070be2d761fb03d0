package vn.directivetracker.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Idempotent writes to Camunda's identity tables: safe to run at every start. */
@Component
public class CamundaIdentity {

    public static final String TYPE_ROLE = "ROLE";
    public static final String TYPE_AGENCY = "AGENCY";
    public static final String TYPE_AGENCY_HEADS = "AGENCY_HEADS";

    private final IdentityService identityService;
    private final ApplicationEventPublisher events;

    public CamundaIdentity(IdentityService identityService, ApplicationEventPublisher events) {
        this.identityService = identityService;
        this.events = events;
    }

    /**
     * A group was created. Published synchronously, so that {@code access} grants an agency group
     * its permissions in the same transaction (docs/adr/0006-authorization-model.md).
     */
    public record GroupCreated(String groupId, String type) {

        public boolean isAgencyGroup() {
            return TYPE_AGENCY.equals(type) || TYPE_AGENCY_HEADS.equals(type);
        }
    }

    /** Creates or renames the group; a new agency group comes with its grants (ADR 6). */
    public void ensureGroup(String id, String name, String type) {
        Group group = identityService.createGroupQuery().groupId(id).singleResult();
        boolean created = group == null;
        if (created) {
            group = identityService.newGroup(id);
        } else if (name.equals(group.getName()) && type.equals(group.getType())) {
            return;
        }
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
        if (created) {
            events.publishEvent(new GroupCreated(id, type));
        }
    }

    public void ensureUser(String id, String firstName, String lastName, String email, String password) {
        if (identityService.createUserQuery().userId(id).singleResult() != null) {
            return;
        }
        User user = identityService.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        user.setPassword(password);
        identityService.saveUser(user);
    }

    public void ensureMembership(String userId, String groupId) {
        boolean member = identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0;
        if (!member) {
            identityService.createMembership(userId, groupId);
        }
    }
}
