package vn.directivetracker.agency;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.identity.Authentication;
import vn.directivetracker.common.ForbiddenException;
import vn.directivetracker.identity.Roles;

/**
 * Which agencies' work the signed-in user of the application API may see (ADR 6): everything for
 * the provincial roles, otherwise the agencies whose staff or heads group the user belongs to. The
 * same rule as Camunda's task grants, applied to our own tables.
 */
public final class AgencyScope {

    /** Staff group = the agency code; heads group = code + "head" (see {@link Agency#headGroupOf}). */
    private static final Pattern AGENCY_GROUP = Pattern.compile("(" + Agency.CODE_PATTERN + ")(?:head)?");

    private final boolean provinceWide;
    private final Set<String> agencies;

    private AgencyScope(boolean provinceWide, Set<String> agencies) {
        this.provinceWide = provinceWide;
        this.agencies = agencies;
    }

    public static AgencyScope of(Authentication authentication) {
        List<String> groups = authentication == null || authentication.getGroupIds() == null
                ? List.of() : authentication.getGroupIds();
        boolean provinceWide = groups.stream().anyMatch(Roles.PROVINCE_WIDE::contains);
        Set<String> agencies = groups.stream()
                .map(AGENCY_GROUP::matcher)
                .filter(Matcher::matches)
                .map(m -> m.group(1))
                .collect(Collectors.toUnmodifiableSet());
        return new AgencyScope(provinceWide, agencies);
    }

    public boolean provinceWide() {
        return provinceWide;
    }

    /** The agencies whose work this user does (empty for the provincial roles, who see all). */
    public Set<String> agencies() {
        return agencies;
    }

    public boolean covers(String agencyCode) {
        return provinceWide || agencies.contains(agencyCode);
    }

    /**
     * The rows of the given agencies' work this user may see.
     *
     * @throws ForbiddenException if the user sees every row of nothing: a directive that gives their
     *     agency no work is not theirs to read
     */
    public <T> List<T> visible(Collection<T> rows, Function<T, String> agencyOf) {
        if (provinceWide) {
            return List.copyOf(rows);
        }
        List<T> visible = rows.stream().filter(row -> agencies.contains(agencyOf.apply(row))).toList();
        if (visible.isEmpty()) {
            throw new ForbiddenException("Văn bản này không giao nhiệm vụ cho đơn vị của bạn");
        }
        return visible;
    }
}
