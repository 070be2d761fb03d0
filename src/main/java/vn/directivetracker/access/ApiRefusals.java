package vn.directivetracker.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/** 401 and 403 for API clients, as problem+json with a Vietnamese detail. */
final class ApiRefusals {

    private ApiRefusals() {}

    static void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginThrottledException throttled) {
            response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            ProblemResponses.write(response, 429, "Tạm thời không đăng nhập được", throttled.getMessage());
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"directive-tracker\", charset=\"UTF-8\"");
        ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Chưa đăng nhập",
                "Cần đăng nhập (HTTP Basic) bằng tài khoản của hệ thống");
    }

    static void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "Không có quyền",
                "Vai trò của tài khoản này không được dùng chức năng này");
    }
}
