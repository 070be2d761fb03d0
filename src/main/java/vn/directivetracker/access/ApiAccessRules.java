package vn.directivetracker.access;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.directivetracker.identity.Roles;

/**
 * Role rules of the application API that depend only on the path, checked right after
 * authentication so that a whole family of endpoints is closed in one place (ADR 6). Rules that
 * depend on the data (which agency's assignment) live next to the data.
 */
final class ApiAccessRules {

    private record Rule(Set<String> groups, String denial) {}

    private static final Map<String, Rule> BY_PREFIX = new LinkedHashMap<>();

    static {
        BY_PREFIX.put("/api/admin/", new Rule(Set.of(Roles.CAMUNDA_ADMIN),
                "Chỉ quản trị hệ thống (nhóm camunda-admin) được thực hiện thao tác quản trị"));
        // Emails name recipients and carry other agencies' work: coordinators watch the outbox.
        BY_PREFIX.put("/api/notifications", new Rule(Set.of(Roles.COORDINATOR, Roles.CAMUNDA_ADMIN),
                "Chỉ chuyên viên theo dõi (nhóm coordinator) được xem thư thông báo"));
        BY_PREFIX.put("/api/audit", new Rule(
                Set.of(Roles.COORDINATOR, Roles.OFFICE_LEADER, Roles.PROVINCIAL_LEADER, Roles.CAMUNDA_ADMIN),
                "Chỉ chuyên viên theo dõi và lãnh đạo được xem nhật ký thao tác"));
        BY_PREFIX.put("/api/letters/", new Rule(Set.of(Roles.COORDINATOR), "Chỉ chuyên viên theo dõi (nhóm coordinator) được phân tích văn bản"));
    }

    private ApiAccessRules() {}

    /** The Vietnamese reason the caller may not use this path, or empty when they may. */
    static Optional<String> denial(String path, Collection<String> groups) {
        return BY_PREFIX.entrySet().stream()
                .filter(e -> path.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .filter(rule -> groups.stream().noneMatch(rule.groups()::contains))
                .map(Rule::denial)
                .findFirst();
    }
}
