package vn.directivetracker.identity;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
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

    /** A group as {@link #ensureGroups} should find it. */
    public record GroupSpec(String id, String name, String type) {}

    /**
     * {@link #ensureGroup} for many groups, reading the existing ones in one query: at start-up the
     * registry's ~300 groups are normally all there already (issue 11: one query instead of ~300).
     */
    public void ensureGroups(List<GroupSpec> groups) {
        if (groups.isEmpty()) {
            return;
        }
        Map<String, Group> existing = identityService.createGroupQuery()
                .groupIdIn(groups.stream().map(GroupSpec::id).toArray(String[]::new)).list().stream()
                .collect(Collectors.toMap(Group::getId, Function.identity()));
        for (GroupSpec spec : groups) {
            Group group = existing.get(spec.id());
            if (group == null || !spec.name().equals(group.getName()) || !spec.type().equals(group.getType())) {
                ensureGroup(spec.id(), spec.name(), spec.type());
            }
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
