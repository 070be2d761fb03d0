package vn.directivetracker.accounts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.identity.Roles;

/** A value of the CSV's {@code role} column and the Camunda groups it stands for. */
enum AccountRole {
    OFFICER("officer", true),
    HEAD("head", true),
    COORDINATOR(Roles.COORDINATOR, false),
    OFFICE_LEADER(Roles.OFFICE_LEADER, false),
    PROVINCIAL_LEADER(Roles.PROVINCIAL_LEADER, false),
    CLERK(Roles.CLERK, false);

    private final String csvName;
    private final boolean ofAgency;

    AccountRole(String csvName, boolean ofAgency) {
        this.csvName = csvName;
        this.ofAgency = ofAgency;
    }

    static Optional<AccountRole> parse(String value) {
        return Arrays.stream(values()).filter(r -> r.csvName.equalsIgnoreCase(value.trim())).findFirst();
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(r -> r.csvName).toList());
    }

    boolean ofAgency() {
        return ofAgency;
    }

    /** Heads are also staff of their agency, as the demo heads are (they see the agency's work too). */
    List<String> groups(String agencyCode) {
        return switch (this) {
            case OFFICER -> List.of(agencyCode);
            case HEAD -> List.of(agencyCode, Agency.headGroupOf(agencyCode));
            default -> List.of(csvName);
        };
    }
}
