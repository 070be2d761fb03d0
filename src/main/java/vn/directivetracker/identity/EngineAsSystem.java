package vn.directivetracker.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls as the system rather than the signed-in user: no authorization check, no entry
 * in the user operation log. For bookkeeping the application has already decided is allowed (e.g.
 * offering an absent user's tasks to their deputy), never for what the user asked to do.
 */
@Component
public class EngineAsSystem {

    private final IdentityService identityService;

    public EngineAsSystem(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T call(Supplier<T> work) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
