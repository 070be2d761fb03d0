package vn.directivetracker.access;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The only place a password is checked: Camunda's identity service, so that one account works for the
 * workspace, the dashboard, Camunda's webapps, the engine REST API and {@code /api} (ADR 4, ADR 6).
 * Each Camunda group the user belongs to becomes an authority named exactly like the group
 * ({@code coordinator}, {@code camunda-admin}, {@code SNGV}, {@code SNGVhead}), which is what the
 * path rules in {@link SecurityConfig} name.
 */
@Component
class IdentityServiceAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    IdentityServiceAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || user.isBlank() || !(credentials instanceof String password) || password.isEmpty()
                || !identityService.checkPassword(user, password)) {
            throw new BadCredentialsException("Tên đăng nhập hoặc mật khẩu không đúng");
        }
        List<SimpleGrantedAuthority> authorities = groupsOf(identityService, user).stream()
                .map(SimpleGrantedAuthority::new)
                .toList();
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
