package vn.directivetracker.reporting;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.common.ForbiddenException;
import vn.directivetracker.identity.Roles;

/**
 * Who may read which agencies' figures: coordinators, leaders and administrators see every agency;
 * agency staff and heads see only the agencies whose group ({@code SNGV}, {@code SNGVhead}) they are
 * in. Issue 5 brings full authorization; this is the rule the statistics need until then.
 */
@Component
public class ReportingAccess {

    private static final List<String> SEE_ALL = List.of(
            Roles.COORDINATOR, Roles.OFFICE_LEADER, Roles.PROVINCIAL_LEADER, "camunda-admin");

    private final IdentityService identityService;
    private final AgencyRegistry registry;

    public ReportingAccess(IdentityService identityService, AgencyRegistry registry) {
        this.identityService = identityService;
        this.registry = registry;
    }

    /** {@code null} when the caller sees every agency; else the agency codes they may see (never empty). */
    public Set<String> visibleAgencies() {
        Authentication authentication = identityService.getCurrentAuthentication();
        List<String> groups = authentication == null || authentication.getGroupIds() == null
                ? List.of() : authentication.getGroupIds();
        if (groups.stream().anyMatch(SEE_ALL::contains)) {
            return null;
        }
        String headSuffix = Agency.headGroupOf("");
        Set<String> candidates = new LinkedHashSet<>();
        for (String group : groups) {
            candidates.add(group.endsWith(headSuffix) ? group.substring(0, group.length() - headSuffix.length()) : group);
        }
        Set<String> agencies = new java.util.TreeSet<>(registry.byCodes(candidates).keySet());
        if (agencies.isEmpty()) {
            throw new ForbiddenException("Chỉ lãnh đạo, chuyên viên theo dõi và cán bộ của đơn vị được xem số liệu");
        }
        return agencies;
    }

    public boolean seesAll() {
        return visibleAgencies() == null;
    }

    /** The caller must see every agency (dashboard, consolidation, ad-hoc report requests). */
    public void requireOverview() {
        if (!seesAll()) {
            throw new ForbiddenException("Chỉ lãnh đạo và chuyên viên theo dõi được dùng chức năng này");
        }
    }

    /** Narrows a request for one agency to what the caller may see. */
    public void requireVisible(Set<String> visible, String agency) {
        if (visible != null && agency != null && !visible.contains(agency)) {
            throw new ForbiddenException("Không có quyền xem số liệu của đơn vị " + agency);
        }
    }
}
