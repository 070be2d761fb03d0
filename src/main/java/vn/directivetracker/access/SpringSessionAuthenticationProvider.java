package vn.directivetracker.access;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Tells Camunda's webapps who signed in at {@code /login} (one login, ADR 6): Camunda's
 * {@code ContainerBasedAuthenticationFilter} asks it on every webapp request and puts the answer into the
 * webapp session. Only the user id is handed over; Camunda loads that user's groups and tenants from its
 * identity service itself (the same store our Spring {@code AuthenticationProvider} checked the password
 * against). Camunda instantiates this class by name, hence public with a no-argument constructor.
 */
public class SpringSessionAuthenticationProvider implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken
                || signedIn.getName() == null || signedIn.getName().isBlank()) {
            return AuthenticationResult.unsuccessful();
        }
        return AuthenticationResult.successful(signedIn.getName());
    }

    /** Spring Security already sent anybody without a session to {@code /login} (or answered 401). */
    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    }
}
