package vn.directivetracker.notification;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs an engine query as the system rather than as the user who triggered the email. Camunda checks
 * authorizations only for an authenticated user, so the authentication is set aside and restored.
 */
final class WithoutAuthentication {

    private WithoutAuthentication() {}

    static <T> T call(IdentityService identity, Supplier<T> query) {
        Authentication current = identity.getCurrentAuthentication();
        if (current == null) {
            return query.get();
        }
        identity.clearAuthentication();
        try {
            return query.get();
        } finally {
            identity.setAuthentication(current);
        }
    }
}
