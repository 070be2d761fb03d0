package vn.directivetracker.common;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Engine operations that the application itself has already authorized (a coordinator revoking or
 * amending a directive moves every agency's process): they run without the caller's authentication,
 * so Camunda's per-user checks do not demand rights on every agency's instances and tasks. Who acted
 * is recorded in our own history ({@code directive_event}), not in Camunda's operation log.
 */
@Component
public class SystemActions {

    private final IdentityService identityService;

    public SystemActions(IdentityService identityService) {
        this.identityService = identityService;
    }

    public void run(Runnable action) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            action.run();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    public <T> T call(Supplier<T> action) {
        Object[] result = new Object[1];
        run(() -> result[0] = action.get());
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
