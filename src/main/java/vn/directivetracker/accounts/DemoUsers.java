package vn.directivetracker.accounts;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.identity.CamundaIdentity;
import vn.directivetracker.identity.Roles;
import vn.directivetracker.common.StartupStep;

/**
 * Demo accounts of README "Roles and security" (password {@code demo}), only in the embedded default profile
 * ({@code directive-tracker.demo.enabled}); the {@code prod} profile never creates them.
 */
@Component
@ConditionalOnProperty(name = "directive-tracker.demo.enabled", havingValue = "true")
class DemoUsers implements StartupStep {

    static final String PASSWORD = "demo";

    /** Agencies of the seed letter that get an officer (cb…) and a head (ld…) each. */
    static final List<String> DEMO_AGENCIES =
            List.of("CAT", "BCHQS", "SNGV", "SVHTTDL", "STC", "SCT", "SDTTG", "VPUBND", "BPTTH", "LHHN");

    private final CamundaIdentity identity;
    private final AgencyRegistry registry;

    DemoUsers(CamundaIdentity identity, AgencyRegistry registry) {
        this.identity = identity;
        this.registry = registry;
    }

    @Override
    public String name() {
        return "demo-users";
    }

    @Override
    public void run() {
        user("dieuphoi", "Chuyên viên", "theo dõi", Roles.COORDINATOR);
        user("lanhdaovp", "Chánh", "Văn phòng", Roles.OFFICE_LEADER);
        user("lanhdaoubnd", "Phó Chủ tịch", "UBND tỉnh", Roles.PROVINCIAL_LEADER);
        user("vanthu", "Văn thư", "UBND tỉnh", Roles.CLERK);
        for (String code : DEMO_AGENCIES) {
            Agency agency = registry.get(code);
            String lower = code.toLowerCase();
            user("cb" + lower, "Cán bộ", agency.shortName(), code);
            user("ld" + lower, "Lãnh đạo", agency.shortName(), code, agency.headGroupId());
        }
    }

    private void user(String id, String firstName, String lastName, String... groups) {
        identity.ensureUser(id, firstName, lastName, id + "@example.gov.vn", PASSWORD);
        for (String group : groups) {
            identity.ensureMembership(id, group);
        }
    }
}
