package vn.directivetracker.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic for the application API ({@code /api/**}) against Camunda's own users, so that one
 * account works in Tasklist, the engine REST API and here. The engine sees the caller for the length
 * of the request: process starts record the initiator, listeners record who acted.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    public ApiAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] credentials = basicCredentials(request.getHeader("Authorization"));
        if (credentials == null || !identityService.checkPassword(credentials[0], credentials[1])) {
            reject(response);
            return;
        }
        List<String> groups = identityService.createGroupQuery().groupMember(credentials[0]).list().stream()
                .map(Group::getId)
                .toList();
        Optional<String> denial = ApiAccessRules.denial(request.getRequestURI().substring(request.getContextPath().length()), groups);
        if (denial.isPresent()) {
            problem(response, HttpServletResponse.SC_FORBIDDEN, "Không có quyền", denial.get());
            return;
        }
        identityService.setAuthentication(credentials[0], groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static String[] basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static void reject(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"directive-tracker\", charset=\"UTF-8\"");
        problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Chưa đăng nhập",
                "Cần đăng nhập (HTTP Basic) bằng tài khoản của hệ thống");
    }

    /** Texts are fixed Vietnamese sentences without quotes or backslashes, so no JSON escaping is needed. */
    private static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
