package vn.directivetracker.access;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.directivetracker.identity.CamundaIdentity;
import vn.directivetracker.identity.Roles;
import vn.directivetracker.common.StartupStep;

/**
 * Brings every group's grants up to {@link AccessPolicy} at start-up, after the registry import
 * step has created the agency groups ({@code startup.StartupSequence}). Idempotent; also repairs a database whose groups were
 * created before authorization was switched on. Agencies added later get theirs from
 * {@link CamundaIdentity#ensureGroup} when their group is created.
 */
@Component
class AccessGrantsSetup implements StartupStep {

    private static final Logger log = LoggerFactory.getLogger(AccessGrantsSetup.class);

    private final AccessPolicy policy;
    private final Grants grants;
    private final IdentityService identityService;

    AccessGrantsSetup(AccessPolicy policy, Grants grants, IdentityService identityService) {
        this.policy = policy;
        this.grants = grants;
        this.identityService = identityService;
    }

    @Override
    public String name() {
        return "access-grants";
    }

    @Override
    public void run() {
        int[] agencyGroups = {0};
        // Every grant this step checks is on one of these resources: read them once (issue 11).
        grants.inBulk(List.of(Resources.APPLICATION, Resources.PROCESS_DEFINITION, Resources.DEPLOYMENT, Resources.USER), () -> {
            Roles.ALL.forEach(policy::grantRole);
            for (String type : new String[] {CamundaIdentity.TYPE_AGENCY, CamundaIdentity.TYPE_AGENCY_HEADS}) {
                for (Group group : identityService.createGroupQuery().groupType(type).list()) {
                    policy.grantAgencyGroup(group.getId());
                    agencyGroups[0]++;
                }
            }
            for (User user : identityService.createUserQuery().list()) {
                policy.grantOwnAccount(user.getId());
            }
        });
        log.info("Authorization: grants checked for {} roles and {} agency groups", Roles.ALL.size(), agencyGroups[0]);
    }
}
