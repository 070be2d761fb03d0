package vn.directivetracker.agency;

/**
 * An agency that receives work. Its code doubles as the Camunda group id of its staff; its heads
 * form the group {@link #headGroupId()}.
 */
public record Agency(
        String code,
        AgencyKind kind,
        String name,
        String shortName,
        String email,
        String headEmail,
        boolean active) {

    /** Agency codes: upper-case ASCII letters and digits, so they pass Camunda's id whitelist. */
    public static final String CODE_PATTERN = "[A-Z0-9]{2,20}";

    private static final String HEAD_GROUP_SUFFIX = "head";

    public String headGroupId() {
        return headGroupOf(code);
    }

    /** Lower-case suffix: a head group can never collide with an (upper-case) agency code. */
    public static String headGroupOf(String agencyCode) {
        return agencyCode + HEAD_GROUP_SUFFIX;
    }
}
