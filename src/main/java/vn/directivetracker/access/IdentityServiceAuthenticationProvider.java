package vn.directivetracker.access;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The only place a password is checked: Camunda's identity service, so that one account works for the
 * workspace, the dashboard, Camunda's webapps, the engine REST API and {@code /api} (ADR 4, ADR 6).
 * Each Camunda group the user belongs to becomes an authority named exactly like the group
 * ({@code coordinator}, {@code camunda-admin}, {@code SNGV}, {@code SNGVhead}), which is what the
 * path rules in {@link SecurityConfig} name. A password found right moments ago is not sent to Camunda
 * again for {@code directive-tracker.login-cache.ttl} ({@link VerifiedLogins}, ADR 18): API clients
 * send it with every request.
 */
@Component
class IdentityServiceAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final LoginThrottle throttle;
    private final VerifiedLogins verified;

    IdentityServiceAuthenticationProvider(IdentityService identityService, LoginThrottle throttle,
            @Value("${directive-tracker.login-cache.ttl:30s}") Duration ttl,
            @Value("${directive-tracker.login-cache.max-entries:10000}") int maxEntries) {
        this.identityService = identityService;
        this.throttle = throttle;
        this.verified = new VerifiedLogins(ttl, maxEntries, Clock.systemUTC());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        // Checked before the password: while an account or address waits, nothing is tried.
        throttle.waitBefore(user, address).ifPresent(wait -> {
            throw new LoginThrottledException(wait);
        });
        if (user == null || user.isBlank() || !(credentials instanceof String password) || password.isEmpty()) {
            throttle.failed(user, address);
            throw new BadCredentialsException("Tên đăng nhập hoặc mật khẩu không đúng");
        }
        Optional<VerifiedLogins.Verified> recent = verified.lookup(user, password);
        List<String> groups;
        if (recent.isPresent()) {
            groups = recent.get().groups();
        } else if (identityService.checkPassword(user, password)) {
            groups = groupsOf(identityService, user);
            verified.remember(user, password, groups);
        } else {
            verified.forget(user);
            throttle.failed(user, address);
            throw new BadCredentialsException("Tên đăng nhập hoặc mật khẩu không đúng");
        }
        throttle.succeeded(user);
        List<SimpleGrantedAuthority> authorities = groups.stream().map(SimpleGrantedAuthority::new).toList();
        // The password is not kept in the session.
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    static List<String> groupsOf(IdentityService identityService, String user) {
        return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
