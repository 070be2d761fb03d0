package vn.directivetracker.common;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who is acting right now, as the engine knows it (Tasklist, REST and /api all authenticate there). */
@Component
public class CurrentActor {

    private final IdentityService identityService;

    public CurrentActor(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String userId() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    public boolean isMemberOf(String groupId) {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication != null && authentication.getGroupIds() != null
                && authentication.getGroupIds().contains(groupId);
    }

    /**
     * The one access check of the application API (until Spring Security takes it over, issue 10):
     * refuses with the given Vietnamese reason unless the user is in the group.
     */
    public void requireMemberOf(String groupId, String refusal) {
        if (!isMemberOf(groupId)) {
            throw new ForbiddenException(refusal);
        }
    }

    /** The user completing a task: the authenticated one, else the task's assignee. */
    public String completing(DelegateTask task) {
        String user = userId();
        return user != null ? user : task.getAssignee();
    }
}
