package vn.directivetracker.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.directivetracker.common.FieldViolation;
import vn.directivetracker.common.TaskFormFields;
import vn.directivetracker.common.InvalidRequestException;
import vn.directivetracker.identity.Roles;

/**
 * The one place where the engine REST API — {@code /engine-rest} and the copy Tasklist and Cockpit
 * call under {@code /camunda/api/engine} — is narrowed to what the roles need (ADR 12). Reads pass:
 * Camunda's authorizations decide them. For non-administrators, a write passes only if it is on
 * {@link EngineRestOperations}' list; task completions and form submissions carry only the fields
 * their form declares ({@link TaskFormFields}); identity links, assignees and delegations stay inside
 * the caller's agency. Everything is decided before the engine runs, so a refusal changes nothing.
 */
public class EngineRestGuard extends OncePerRequestFilter {

    /** Largest body read here; what Tasklist sends for the longest form is a few kilobytes. */
    static final int MAX_BODY = 1024 * 1024;

    private final IdentityService identityService;
    private final TaskFormFields formFields;
    private final AgencyBoundary agencies;
    private final ObjectMapper json = new ObjectMapper();

    private final String engineName;

    public EngineRestGuard(IdentityService identityService, String engineName, TaskFormFields formFields,
            AgencyBoundary agencies) {
        this.identityService = identityService;
        this.engineName = engineName;
        this.formFields = formFields;
        this.agencies = agencies;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String method = request.getMethod();
        if (Set.of("GET", "HEAD", "OPTIONS").contains(method)) {
            chain.doFilter(request, response);
            return;
        }
        Caller caller = caller(request);
        if (caller.groups().contains(Roles.CAMUNDA_ADMIN)) {
            chain.doFilter(request, response);
            return;
        }
        List<String> path = EngineRestOperations.resourcePath(request.getServletPath(), request.getPathInfo());
        EngineRestOperations.Kind kind = EngineRestOperations.classify(method, path);
        if (kind == EngineRestOperations.Kind.REFUSED) {
            problem(response, HttpServletResponse.SC_FORBIDDEN, "Không được phép",
                    "Thao tác này không dành cho người dùng; hãy dùng biểu mẫu trong Tasklist hoặc chức năng của hệ thống.",
                    List.of());
            return;
        }
        if (kind == EngineRestOperations.Kind.ALLOWED) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            problem(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Nội dung quá lớn",
                    "Nội dung gửi lên vượt quá 1 MB.", List.of());
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problem(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Nội dung quá lớn",
                    "Nội dung gửi lên vượt quá 1 MB.", List.of());
            return;
        }
        JsonNode document;
        try {
            document = body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (IOException notJson) {
            problem(response, HttpServletResponse.SC_BAD_REQUEST, "Dữ liệu không hợp lệ",
                    "Nội dung gửi lên không phải JSON hợp lệ.", List.of());
            return;
        }
        String taskId = path.size() > 1 ? path.get(1) : null;
        try {
            switch (kind) {
                case FORM_FIELDS -> {
                    requirePlainValues(document.path("variables"));
                    formFields.requireDeclared(taskId, fieldNames(document.path("variables")));
                }
                case WITHIN_AGENCY -> agencies.requireWithin(caller.userId(), caller.groups(), document);
                default -> throw new IllegalStateException(kind.name());
            }
        } catch (InvalidRequestException refused) {
            problem(response, HttpServletResponse.SC_BAD_REQUEST, "Dữ liệu không hợp lệ",
                    "Yêu cầu có trường không được phép; không có gì thay đổi.", refused.violations());
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    /**
     * Forms hold text, numbers, dates and ticks: an object, JSON, XML, file or bytes value is never
     * a form's, and an object value would make the engine deserialize a type the caller chose.
     */
    private static void requirePlainValues(JsonNode variables) {
        List<FieldViolation> violations = new ArrayList<>();
        variables.fields().forEachRemaining(field -> {
            String type = field.getValue().path("type").asText("");
            if (!type.isEmpty() && !PLAIN_TYPES.contains(type.toLowerCase(java.util.Locale.ROOT))) {
                violations.add(new FieldViolation(field.getKey(), "Kiểu dữ liệu '" + type + "' không được phép trong biểu mẫu"));
            }
        });
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    private static final Set<String> PLAIN_TYPES = Set.of("string", "boolean", "long", "integer", "short", "double", "date", "null");

    private static List<String> fieldNames(JsonNode variables) {
        List<String> names = new ArrayList<>();
        variables.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * The engine knows the caller of {@code /engine-rest} (its authentication filter runs first);
     * Tasklist and Cockpit keep theirs in the web session.
     */
    private Caller caller(HttpServletRequest request) {
        Authentication engine = identityService.getCurrentAuthentication();
        if (engine != null) {
            return new Caller(engine.getUserId(), engine.getGroupIds() == null ? List.of() : engine.getGroupIds());
        }
        HttpSession session = request.getSession(false);
        Authentications webapp = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        if (webapp != null && webapp.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user) {
            return new Caller(user.getIdentityId(), user.getGroupIds() == null ? List.of() : user.getGroupIds());
        }
        return new Caller(null, List.of());
    }

    private record Caller(String userId, List<String> groups) {}

    private void problem(HttpServletResponse response, int status, String title, String detail,
            List<FieldViolation> violations) throws IOException {
        var problem = json.createObjectNode()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        var errors = problem.putArray("errors");
        violations.forEach(v -> errors.addObject().put("field", v.field()).put("message", v.message()));
        response.setStatus(status);
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    /** Hands the body already read to the engine's REST resources. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = Arrays.copyOf(body, body.length);
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
