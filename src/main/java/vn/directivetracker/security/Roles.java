package vn.directivetracker.security;

/** Camunda group ids of the provincial roles (DESIGN §2). Lower-case: agency codes are upper-case. */
public final class Roles {

    public static final String COORDINATOR = "coordinator";
    public static final String OFFICE_LEADER = "officeleader";
    public static final String PROVINCIAL_LEADER = "provincialleader";
    public static final String CLERK = "clerk";

    private Roles() {}
}
