package vn.directivetracker.access;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.directivetracker.identity.CamundaIdentity;

/**
 * A new agency group gets its grants when it is created (an agency added to the registry later);
 * {@link AccessGrantsSetup} repairs the others at start. Synchronous: in the creating transaction.
 */
@Component
class NewGroupGrants {

    private final AccessPolicy policy;

    NewGroupGrants(AccessPolicy policy) {
        this.policy = policy;
    }

    @EventListener
    void on(CamundaIdentity.GroupCreated created) {
        if (created.isAgencyGroup()) {
            policy.grantAgencyGroup(created.groupId());
        }
    }
}
