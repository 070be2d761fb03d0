package vn.directivetracker.identity;

import org.springframework.stereotype.Component;
import vn.directivetracker.common.StartupStep;

/** Creates the role groups at start-up, in every profile. */
@Component
class RoleGroups implements StartupStep {

    private final CamundaIdentity identity;

    RoleGroups(CamundaIdentity identity) {
        this.identity = identity;
    }

    @Override
    public String name() {
        return "role-groups";
    }

    @Override
    public void run() {
        identity.ensureGroup(Roles.COORDINATOR, "Chuyên viên theo dõi, đôn đốc", CamundaIdentity.TYPE_ROLE);
        identity.ensureGroup(Roles.OFFICE_LEADER, "Lãnh đạo Văn phòng UBND tỉnh", CamundaIdentity.TYPE_ROLE);
        identity.ensureGroup(Roles.PROVINCIAL_LEADER, "Lãnh đạo UBND tỉnh", CamundaIdentity.TYPE_ROLE);
        identity.ensureGroup(Roles.CLERK, "Văn thư", CamundaIdentity.TYPE_ROLE);
    }
}
