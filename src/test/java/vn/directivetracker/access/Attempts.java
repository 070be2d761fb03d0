package vn.directivetracker.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A tally of requests that must not get through: each is refused (401, 403 or 404) or answers an
 * empty list / zero count. Anything else — data, a 2xx on a write, or an unexpected 400/500 — is a
 * success of the attacker and fails the test with the whole list.
 */
final class Attempts {

    record Attempt(String what, int status, String body) {
        @Override
        public String toString() {
            return what + " → " + status + " " + (body == null ? "" : body.substring(0, Math.min(body.length(), 200)));
        }
    }

    private static final Pattern EMPTY = Pattern.compile("\\s*(\\[\\s*]|\\{\\s*\"count\"\\s*:\\s*0\\s*})\\s*");

    private final List<Attempt> all = new ArrayList<>();

    void record(String what, int status, String body) {
        all.add(new Attempt(what, status, body));
    }

    static boolean refused(int status, String body) {
        return status == 401 || status == 403 || status == 404
                || (status == 200 && body != null && EMPTY.matcher(body).matches())
                || invisibleTask(status, body);
    }

    /** Camunda's comment endpoint answers 400 "No task found" for a task the caller may not see: a 404 in effect. */
    private static boolean invisibleTask(int status, String body) {
        return status == 400 && body != null && body.contains("\"No task found for task id ");
    }

    List<Attempt> succeeded() {
        return all.stream().filter(a -> !refused(a.status(), a.body())).toList();
    }

    int count() {
        return all.size();
    }

    void assertNoneSucceeded(int atLeast) {
        assertThat(all).as("attempts made").hasSizeGreaterThanOrEqualTo(atLeast);
        assertThat(succeeded()).as("attempts that got through, of " + all.size()).isEmpty();
    }

    /** For anonymous callers: every attempt must be answered 401 exactly. */
    void assertAllUnauthenticated(int atLeast) {
        assertThat(all).as("attempts made").hasSizeGreaterThanOrEqualTo(atLeast);
        assertThat(all.stream().filter(a -> a.status() != 401).toList()).as("anonymous attempts not answered 401").isEmpty();
    }
}
