package vn.directivetracker.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the webapps' "Đăng xuất" end the one session. Camunda's logout
 * ({@code POST /camunda/api/admin/auth/user/<engine>/logout}) only drops its own entry from the session,
 * which the container-based filter would put back from the Spring session on the next request. So once
 * Camunda has accepted the logout (its CSRF filter checked the {@code X-XSRF-TOKEN} header first; a
 * refused request answers 403 and keeps the session), the whole HTTP session is invalidated: the Spring
 * Security context, the workspace's CSRF token and Camunda's authentications go together.
 */
class CamundaLogoutFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/logout"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (response.getStatus() >= 200 && response.getStatus() < 300) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
        }
    }
}
