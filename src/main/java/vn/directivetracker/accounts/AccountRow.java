package vn.directivetracker.accounts;

import java.util.LinkedHashSet;
import java.util.Set;

/** One account of an import file, with the line it came from (for error messages). */
record AccountRow(int line, String id, String firstName, String lastName, String email, String agencyCode,
        Set<AccountRole> roles, String password) {

    Set<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        roles.forEach(role -> groups.addAll(role.groups(agencyCode)));
        return groups;
    }

    String field() {
        return "dòng " + line;
    }
}
