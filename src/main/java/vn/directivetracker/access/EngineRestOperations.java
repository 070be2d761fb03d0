package vn.directivetracker.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Which engine REST writes a non-administrator may make (ADR 12): an allow-list, so that an
 * operation Camunda adds in a later version is refused until someone decides it is needed. What is
 * on it is what Tasklist and Cockpit do for our roles: queries sent as POST, claiming, completing
 * with the form's fields, comments, filters, one's own profile and password, and job retries for the
 * coordinators. Not on it, among others: {@code bpmnError}/{@code bpmnEscalation} on a task,
 * variable writes outside a form, message correlation, signals, process starts and form submissions
 * of a definition (the application's API owns those), deletions and modifications.
 */
final class EngineRestOperations {

    enum Kind {
        /** Camunda's own authorization decides. */
        ALLOWED,
        /** The body's {@code variables} must be fields of the task's form. */
        FORM_FIELDS,
        /** Users and groups named in the body must be within the caller's own groups. */
        WITHIN_AGENCY,
        REFUSED
    }

    private static final List<String> MOUNTS = List.of("/engine-rest", "/camunda/api/engine");

    /** Resources whose POST at the root (and at {@code /count}) is a query, not a change. */
    private static final Set<String> QUERIED_BY_POST = Set.of("task", "process-instance", "execution",
            "variable-instance", "job", "external-task");

    private EngineRestOperations() {}

    /**
     * The resource path below the mount and the optional {@code /engine/{name}} prefix, from the
     * container's decoded and normalized path (path parameters such as {@code ;x} already removed).
     */
    static List<String> resourcePath(String servletPath, String pathInfo) {
        String full = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        for (String mount : MOUNTS) {
            if (full.startsWith(mount + "/") || full.equals(mount)) {
                full = full.substring(mount.length());
                break;
            }
        }
        List<String> segments = new ArrayList<>(Arrays.stream(full.split("/")).filter(s -> !s.isEmpty()).toList());
        if (segments.size() >= 2 && segments.get(0).equals("engine")) {
            segments = new ArrayList<>(segments.subList(2, segments.size()));
        }
        return segments;
    }

    static Kind classify(String method, List<String> path) {
        if (path.isEmpty()) {
            return Kind.REFUSED;
        }
        String resource = path.get(0);
        int n = path.size();
        if ("POST".equals(method) && QUERIED_BY_POST.contains(resource)
                && (n == 1 || (n == 2 && path.get(1).equals("count")))) {
            return Kind.ALLOWED;
        }
        return switch (resource) {
            case "task" -> task(method, path);
            case "filter" -> filter(method, path);
            case "history" -> "POST".equals(method) && (n == 2 && !path.get(1).equals("cleanup")
                    || n == 3 && path.get(2).equals("count")) ? Kind.ALLOWED : Kind.REFUSED;
            case "user" -> "PUT".equals(method) && n == 3 && Set.of("profile", "credentials").contains(path.get(2))
                    ? Kind.ALLOWED : Kind.REFUSED;
            // Coordinators retry failed jobs from Cockpit (they hold RETRY_JOB, ADR 6).
            case "job" -> ("PUT".equals(method) && n == 3 && path.get(2).equals("retries"))
                    || ("POST".equals(method) && n == 2 && path.get(1).equals("retries")) ? Kind.ALLOWED : Kind.REFUSED;
            case "job-definition", "external-task" -> "PUT".equals(method) && n == 3 && path.get(2).equals("retries")
                    ? Kind.ALLOWED : Kind.REFUSED;
            case "incident" -> "PUT".equals(method) && n == 3 && path.get(2).equals("annotation") ? Kind.ALLOWED : Kind.REFUSED;
            default -> Kind.REFUSED;
        };
    }

    private static Kind task(String method, List<String> path) {
        int n = path.size();
        if (n == 2 && "PUT".equals(method)) {
            return Kind.WITHIN_AGENCY; // Tasklist's due and follow-up dates; the body also names assignee and owner
        }
        if (!"POST".equals(method)) {
            return Kind.REFUSED;
        }
        if (n == 3) {
            return switch (path.get(2)) {
                case "complete", "submit-form", "resolve" -> Kind.FORM_FIELDS;
                case "claim", "unclaim" -> Kind.ALLOWED;
                case "assignee", "delegate", "identity-links" -> Kind.WITHIN_AGENCY;
                default -> Kind.REFUSED;
            };
        }
        if (n == 4 && path.get(2).equals("identity-links") && path.get(3).equals("delete")) {
            return Kind.WITHIN_AGENCY;
        }
        if (n == 4 && path.get(2).equals("comment") && path.get(3).equals("create")) {
            return Kind.ALLOWED;
        }
        return Kind.REFUSED;
    }

    /** Tasklist's saved task lists: Camunda's FILTER authorizations decide whose. */
    private static Kind filter(String method, List<String> path) {
        int n = path.size();
        boolean allowed = ("POST".equals(method) && n == 2 && path.get(1).equals("create"))
                || (("PUT".equals(method) || "DELETE".equals(method)) && n == 2)
                || ("POST".equals(method) && n == 3 && Set.of("list", "count", "singleResult").contains(path.get(2)));
        return allowed ? Kind.ALLOWED : Kind.REFUSED;
    }
}
