package vn.directivetracker.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF for API clients without a token: a browser that holds cached HTTP Basic credentials sends them
 * along with a foreign page's form or {@code fetch}. Such a request can only carry a "simple" body
 * (text/plain, form-urlencoded, multipart) unless the browser asks first (CORS preflight, which this
 * application never grants). So a request that changes something must carry a body type of its own
 * ({@code application/json}, {@code text/csv}, …), and one that a browser marks as coming from another
 * site ({@code Sec-Fetch-Site: cross-site} or a foreign {@code Origin}) is refused outright.
 * {@code POST /api/letters/parse} reads plain text by contract (DESIGN §9) and changes nothing.
 */
class CrossSiteGuard extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> SIMPLE_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data");
    private static final Set<String> READ_ONLY_TEXT = Set.of("/api/letters/parse");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        if (crossSite(request)) {
            ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "Không có quyền",
                    "Yêu cầu thay đổi dữ liệu gửi từ một trang web khác bị từ chối");
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (simpleBody(request) && !READ_ONLY_TEXT.contains(path)) {
            ProblemResponses.write(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Kiểu nội dung không được hỗ trợ",
                    "Yêu cầu thay đổi dữ liệu phải gửi nội dung kiểu application/json (danh sách: text/csv), không nhận "
                            + "text/plain, biểu mẫu hay multipart");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean simpleBody(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        int semicolon = type.indexOf(';');
        String mediaType = (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return SIMPLE_TYPES.contains(mediaType);
    }

    private static boolean crossSite(HttpServletRequest request) {
        if ("cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        // Same site when the Origin names the host the request was sent to ("null" never does). The scheme
        // is left out: behind a TLS-terminating proxy the application sees http.
        int scheme = origin.indexOf("://");
        String host = request.getHeader("Host");
        return scheme < 0 || host == null || !origin.substring(scheme + 3).equalsIgnoreCase(host);
    }
}
