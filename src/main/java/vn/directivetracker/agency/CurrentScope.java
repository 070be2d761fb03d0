package vn.directivetracker.agency;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** The {@link AgencyScope} of whoever the engine sees as signed in for this request. */
@Component
public class CurrentScope {

    private final IdentityService identityService;

    public CurrentScope(IdentityService identityService) {
        this.identityService = identityService;
    }

    public AgencyScope get() {
        return AgencyScope.of(identityService.getCurrentAuthentication());
    }
}
