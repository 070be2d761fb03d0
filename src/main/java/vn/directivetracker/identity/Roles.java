package vn.directivetracker.identity;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;

/** Camunda group ids of the provincial roles (README "Roles and security", docs/adr/0006-authorization-model.md). Lower-case: agency codes are upper-case. */
public final class Roles {

    public static final String COORDINATOR = "coordinator";
    public static final String OFFICE_LEADER = "officeleader";
    public static final String PROVINCIAL_LEADER = "provincialleader";
    public static final String CLERK = "clerk";

    /** Camunda's administrators group (the starter's admin user is a member): every permission. */
    public static final String CAMUNDA_ADMIN = Groups.CAMUNDA_ADMIN;

    public static final List<String> ALL = List.of(COORDINATOR, OFFICE_LEADER, PROVINCIAL_LEADER, CLERK);

    /** Groups that see every agency's assignments in the application API (ADR 6). */
    public static final Set<String> PROVINCE_WIDE = Set.of(COORDINATOR, OFFICE_LEADER, PROVINCIAL_LEADER, CLERK, CAMUNDA_ADMIN);

    private Roles() {}
}
