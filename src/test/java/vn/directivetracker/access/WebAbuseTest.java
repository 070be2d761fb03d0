package vn.directivetracker.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;
import vn.directivetracker.support.WebSession;

/**
 * Issue 10, the web side: what an officer (or a foreign web page riding on someone's credentials)
 * tries against the doors in front of the application — encoded paths, cross-site writes, wrong
 * content types, oversized and deeply nested bodies, password guessing, unsafe defaults. Each
 * attempt is refused <em>and</em> leaves the database as it was (directives, assignments, tasks,
 * outbox, users, holidays counted before and after).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAbuseTest extends IntegrationTest {

    private static final String OFFICER = "cbstc";
    private static final String VICTIM = "bfvictim";
    private static final String VICTIM_PASSWORD = "Dung-mat-khau-7";

    @LocalServerPort int port;
    @Autowired ObjectMapper mapper;
    @Autowired LoginThrottle throttle;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String> attempts = new ArrayList<>();
    private long directive;

    @BeforeAll
    void thereIsWorkAndAnOutbox() {
        directive = submitAndIssue(DirectiveFixtures.smallDirective("Lạm dụng web: Sở Ngoại vụ", List.of("SNGV"), List.of()));
        if (identityService.createUserQuery().userId(VICTIM).singleResult() == null) {
            User user = identityService.newUser(VICTIM);
            user.setFirstName("Nạn");
            user.setLastName("Nhân");
            user.setPassword(VICTIM_PASSWORD);
            identityService.saveUser(user);
        }
    }

    @AfterEach
    void forgetFailedLogins() {
        throttle.reset();
    }

    // ---- paths: the rule table is matched on the decoded, normalized path ----------------------

    @Test
    void encodedAndParameterisedPathsDoNotOpenProtectedApis() {
        String before = fingerprint();
        List<String> paths = List.of(
                "/api/%6Eotifications", "/api/%6eotifications?limit=500", "/api;x/notifications", "/api/notifications;x",
                "/api/%61udit?user=cbsngv", "/api/%61%75%64%69%74?user=cbsngv", "/api/audit;jsessionid=1?user=cbsngv",
                "/api/%2e%2e/api/notifications", "/api/./notifications", "/api//notifications", "/api/x/../notifications",
                "/api/%2Fnotifications", "/api/%252e/notifications", "/api/notifications%00", "/api/NOTIFICATIONS",
                "/api/%61dmin/users/import", "/actuator/%70rometheus", "/actuator;x/prometheus");
        for (String path : paths) {
            HttpResponse<String> response = send(basic(OFFICER, "demo", path).GET());
            attempt("GET " + path, response);
            assertThat(response.statusCode()).as(path).isIn(400, 403, 404);
            assertThat(response.body()).as(path).doesNotContain("recipient", "eventType", "jvm_");
            if (response.statusCode() != 404) {
                // 400 from the firewall and 403 from the rules are ours; Tomcat's own 400s are HTML.
                assertThat(response.body()).as(path).satisfiesAnyOf(
                        b -> assertThat(b).contains("\"status\":4"), b -> assertThat(b).contains("HTTP Status 400"));
            }
        }
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void adminImportThroughEncodedPathIsRefusedForAnOfficer() {
        String before = fingerprint();
        HttpResponse<String> response = send(basic(OFFICER, "demo", "/api/%61dmin/users/import")
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("id;firstName;lastName;email;agencyCode;role\nmallory;M;X;m@x.vn;STC;coordinator\n")));
        attempt("POST /api/%61dmin/users/import", response);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(identityService.createUserQuery().userId("mallory").count()).isZero();
        assertThat(fingerprint()).isEqualTo(before);
    }

    // ---- cross-site writes and content types ---------------------------------------------------

    @Test
    void crossSiteFormWithCachedBasicCredentialsCannotCreateAccounts() {
        String before = fingerprint();
        String csv = "id;firstName;lastName;email;agencyCode;role\nmallory;M;X;m@x.vn;STC;coordinator\n";
        // A cross-site <form enctype="text/plain"> can only send simple types: refused for a write.
        HttpResponse<String> plain = send(basic("admin", "demo", "/api/admin/users/import")
                .header("Content-Type", "text/plain;charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(csv)));
        attempt("text/plain import", plain);
        assertThat(plain.statusCode()).isEqualTo(415);
        HttpResponse<String> form = send(basic("admin", "demo", "/api/admin/users/import")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("a=" + csv)));
        attempt("form-urlencoded import", form);
        assertThat(form.statusCode()).isEqualTo(415);
        // A foreign page's fetch, even with the right type (the browser says where it comes from).
        HttpResponse<String> foreignOrigin = send(basic("admin", "demo", "/api/admin/users/import")
                .header("Content-Type", "text/csv").header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
        attempt("foreign Origin import", foreignOrigin);
        assertThat(foreignOrigin.statusCode()).isEqualTo(403);
        HttpResponse<String> crossSite = send(basic("dieuphoi", "demo", "/api/notifications/resend-failed")
                .header("Sec-Fetch-Site", "cross-site").POST(HttpRequest.BodyPublishers.noBody()));
        attempt("Sec-Fetch-Site cross-site resend", crossSite);
        assertThat(crossSite.statusCode()).isEqualTo(403);
        HttpResponse<String> nullOrigin = send(basic("dieuphoi", "demo", "/api/notifications/resend-failed")
                .header("Origin", "null").POST(HttpRequest.BodyPublishers.noBody()));
        attempt("Origin null resend", nullOrigin);
        assertThat(nullOrigin.statusCode()).isEqualTo(403);
        for (HttpResponse<String> r : List.of(plain, form, foreignOrigin, crossSite, nullOrigin)) {
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        }
        assertThat(identityService.createUserQuery().userId("mallory").count()).isZero();
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void directiveBodiesInOtherTypesAreRefused() throws Exception {
        String before = fingerprint();
        String json = mapper.writeValueAsString(DirectiveFixtures.smallDirective("Sai kiểu nội dung", List.of("STC"), List.of()));
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/xml", "text/csv")) {
            HttpResponse<String> response = send(basic("dieuphoi", "demo", "/api/directives")
                    .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(json)));
            attempt("POST /api/directives as " + type, response);
            assertThat(response.statusCode()).as(type).isEqualTo(415);
            assertThat(response.body()).as(type).contains("Kiểu nội dung");
        }
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void browserSessionWritesNeedTheCsrfToken() {
        String before = fingerprint();
        WebSession session = new WebSession(port);
        assertThat(session.login("dieuphoi", "demo").headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).doesNotContain("error"));
        // A foreign page posting into the logged-in session has no token.
        HttpResponse<String> logout = session.postForm("/logout", "");
        attempt("POST /logout without token", logout);
        assertThat(logout.statusCode()).isEqualTo(403);
        HttpResponse<String> wrongToken = session.postForm("/logout", "_csrf=forged");
        attempt("POST /logout with forged token", wrongToken);
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        HttpResponse<String> loginCsrf = new WebSession(port).postForm("/login", "username=dieuphoi&password=demo");
        attempt("POST /login without token (login CSRF)", loginCsrf);
        assertThat(loginCsrf.statusCode()).isEqualTo(403);
        // Still logged in: the refused logout changed nothing.
        assertThat(session.get("/app/").statusCode()).isEqualTo(200);
        assertThat(fingerprint()).isEqualTo(before);
    }

    // ---- limits before work ------------------------------------------------------------------

    @Test
    void sixMegabytesFromAnOfficerAreRefusedBeforeParsing() {
        String before = fingerprint();
        long start = System.nanoTime();
        int officer = oversized(basic(OFFICER, "demo", "/api/directives").expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(hugeDirectiveJson(6 * 1024 * 1024))));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        attempts.add("6 MB from an officer → " + officer);
        assertThat(officer).isIn(403, 413, CLOSED);
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        // Without a declared length (chunked) the body is counted while read: also refused.
        int chunked = oversized(basic("dieuphoi", "demo", "/api/directives")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(hugeDirectiveJson(3 * 1024 * 1024)))));
        attempts.add("3 MB chunked from a coordinator → " + chunked);
        assertThat(chunked).isIn(413, CLOSED);
        // The server is fine afterwards and nothing was written.
        assertThat(send(basic("dieuphoi", "demo", "/api/agencies").GET()).statusCode()).isEqualTo(200);
        assertThat(fingerprint()).isEqualTo(before);
    }

    /** Stands for "the server closed the connection while the client was still sending": the body was not taken. */
    private static final int CLOSED = -1;

    /**
     * Sends an oversized body on a fresh connection. The server answers 413 (or 403) without reading the
     * body; depending on timing the client sees that answer or the connection closed under its upload.
     */
    private int oversized(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    request.header("Content-Type", "application/json").timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 413) {
                assertThat(response.body()).contains("vượt quá giới hạn");
            }
            return response.statusCode();
        } catch (java.io.IOException closedWhileSending) {
            return CLOSED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void officersRoleIsCheckedBeforeTheBodyIsRead() {
        String before = fingerprint();
        // 1.5 MB, under the size limit, and not even JSON: an officer gets 403, not a parse error.
        byte[] body = new byte[1_500_000];
        java.util.Arrays.fill(body, (byte) '[');
        HttpResponse<String> response = send(basic(OFFICER, "demo", "/api/directives")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        attempt("1.5 MB garbage from an officer", response);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void deeplyNestedJsonIsABadRequestNotAServerError() {
        String before = fingerprint();
        String nested = "{\"subject\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}";
        HttpResponse<String> response = send(basic("dieuphoi", "demo", "/api/directives")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(nested)));
        attempt("20 000 nested arrays", response);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void listsStringsNumbersAndDatesHaveLimits() throws Exception {
        String before = fingerprint();
        Map<String, Object> tooMany = directiveJson();
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            items.add(Map.of("label", Integer.toString(i + 1), "content", "Việc " + i, "leadAgencies", List.of("STC"),
                    "deadlineWorkingDays", 10));
        }
        tooMany.put("items", items);
        Map<String, Object> farDeadline = directiveJson();
        farDeadline.put("items", List.of(Map.of("label", "1", "content", "Việc", "leadAgencies", List.of("STC"),
                "deadlineWorkingDays", 100_000)));
        Map<String, Object> longCode = directiveJson();
        longCode.put("recipients", List.of("X".repeat(41)));
        Map<String, Object> farDate = directiveJson();
        farDate.put("items", List.of(Map.of("label", "1", "content", "Việc", "leadAgencies", List.of("STC"),
                "deadline", "2999-01-01")));
        for (var entry : Map.of("items", tooMany, "items[0].deadlineWorkingDays", farDeadline, "recipients[0]", longCode,
                "items[0].deadline", farDate).entrySet()) {
            HttpResponse<String> response = send(basic("dieuphoi", "demo", "/api/directives")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(entry.getValue()))));
            attempt("directive with bad " + entry.getKey(), response);
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(400);
            assertThat(response.body()).as(entry.getKey()).contains(entry.getKey().replaceAll("\\[0]\\..*", ""));
        }
        for (String path : List.of("/api/statistics?asOf=0001-01-01", "/api/directives/" + directive + "?asOf=9999-12-31",
                "/api/calendar/add-working-days?from=1000-01-01&days=3")) {
            HttpResponse<String> response = send(basic("dieuphoi", "demo", path).GET());
            attempt("GET " + path, response);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).contains("Ngày phải trong khoảng");
        }
        assertThat(fingerprint()).isEqualTo(before);
    }

    // ---- brute force ---------------------------------------------------------------------------

    @Test
    void twelveWrongPasswordsMakeTheRightOneWait() {
        String before = fingerprint();
        for (int i = 0; i < 12; i++) {
            HttpResponse<String> wrong = send(basic(VICTIM, "sai-" + i, "/api/agencies").GET());
            assertThat(wrong.statusCode()).isIn(401, 429);
        }
        HttpResponse<String> right = send(basic(VICTIM, VICTIM_PASSWORD, "/api/agencies").GET());
        attempt("right Basic password after 12 wrong", right);
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        assertThat(right.body()).contains("thử lại sau");
        // The same account through the login form: no session is created.
        WebSession form = new WebSession(port);
        HttpResponse<String> login = form.login(VICTIM, VICTIM_PASSWORD);
        attempt("right form password after 12 wrong", login);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
        assertThat(form.get("/app/").statusCode()).isEqualTo(302);
        assertThat(form.get("/login?error").body()).contains("thử lại sau");
        // Bounded: however long the guessing, the real user waits at most max-delay (5 min) after it stops.
        for (int i = 0; i < 200; i++) {
            throttle.failed(VICTIM, "203.0.113.9");
        }
        assertThat(throttle.waitBefore(VICTIM, "203.0.113.9")).hasValueSatisfying(
                wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMinutes(5)));
        // A guesser rotating accounts from one address slows down too.
        throttle.reset();
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "198.51.100.7");
        }
        assertThat(throttle.waitBefore("dieuphoi", "198.51.100.7")).isPresent();
        assertThat(throttle.waitBefore("dieuphoi", "198.51.100.8")).isEmpty();
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void theRealUserGetsInOnceTheDelayHasPassed() {
        var engineConfig = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        // Camunda's own lock is off (it would refuse the right password and lock for good after 10): ours replaces it.
        assertThat(engineConfig.getLoginDelayMaxTime()).isZero();
        assertThat(engineConfig.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
        for (int i = 0; i < 5; i++) {
            send(basic(VICTIM, "sai-" + i, "/api/agencies").GET());
        }
        // Five failures: the sixth attempt waits base-delay (1 s) — then the right password works again.
        assertThat(send(basic(VICTIM, VICTIM_PASSWORD, "/api/agencies").GET()).statusCode()).isEqualTo(429);
        sleep(Duration.ofMillis(1200));
        assertThat(send(basic(VICTIM, VICTIM_PASSWORD, "/api/agencies").GET()).statusCode()).isEqualTo(200);
    }

    // ---- answers and defaults ------------------------------------------------------------------

    @Test
    void refusalsOfTheApiAreProblemJsonInVietnamese() {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(origin() + "/api/directives/" + directive)).GET());
        attempt("anonymous GET directive", anonymous);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(anonymous.body()).contains("Cần đăng nhập");
        HttpResponse<String> forbidden = send(basic(OFFICER, "demo", "/api/audit?user=cbsngv").GET());
        attempt("officer GET audit", forbidden);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(forbidden.body()).contains("Không có quyền");
    }

    @Test
    void prometheusNeedsAnAdministratorOrMonitoringHealthStaysOpen() {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(URI.create(origin() + "/actuator/prometheus")).GET());
        attempt("anonymous prometheus", anonymous);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> officer = send(basic(OFFICER, "demo", "/actuator/prometheus").GET());
        attempt("officer prometheus", officer);
        assertThat(officer.statusCode()).isEqualTo(403);
        // Tests switch metrics export off (Spring Boot's default), so the endpoint itself answers 404 here:
        // what counts is that an administrator passes the door the others do not.
        assertThat(send(basic("admin", "demo", "/actuator/prometheus").GET()).statusCode()).isNotIn(401, 403);
        // Health stays open to probes; its status (200 UP, 503 when e.g. an email has FAILED in the
        // shared test database, ADR 13) is not a matter of who asks.
        assertThat(send(HttpRequest.newBuilder(URI.create(origin() + "/actuator/health")).GET()).statusCode())
                .isNotIn(401, 403);
    }

    @Test
    void containerAndComposeDefaultsAreSafe() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile).containsPattern("ENV SPRING_PROFILES_ACTIVE=prod");
        String compose = Files.readString(Path.of("docker-compose.yml"));
        assertThat(compose).contains("\"127.0.0.1:1025:1025\"", "\"127.0.0.1:8025:8025\"")
                .doesNotContain("\"1025:1025\"", "\"8025:8025\"");
    }

    @Test
    void workspaceIsBehindTheFormLogin() {
        WebSession session = new WebSession(port);
        HttpResponse<String> anonymous = session.get("/app/");
        attempt("anonymous /app/", anonymous);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(session.get("/login").body()).contains("Đăng nhập", "Tên đăng nhập", "Mật khẩu");
        HttpResponse<String> wrong = session.login("cbsngv", "sai");
        attempt("wrong form password", wrong);
        assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(session.get("/login?error").body()).contains("Tên đăng nhập hoặc mật khẩu không đúng");
        HttpResponse<String> right = session.login("cbsngv", "demo");
        HttpResponse<String> app = session.get("/app/");
        assertThat(app.statusCode()).as(right.statusCode() + " " + right.headers().map() + " then " + app.headers().map()).isEqualTo(200);
        assertThat(app.body()).contains("cbsngv");
        // Basic credentials do not open the browser pages (they have a session and CSRF of their own).
        HttpResponse<String> basicOnApp = send(basic("dieuphoi", "demo", "/app/").GET());
        attempt("Basic on /app/", basicOnApp);
        assertThat(basicOnApp.statusCode()).isEqualTo(302);
    }

    // ---- helpers -------------------------------------------------------------------------------

    @org.junit.jupiter.api.AfterAll
    void report() {
        System.out.println("WebAbuseTest: " + attempts.size() + " refused attempts: " + attempts);
    }

    private void attempt(String what, HttpResponse<String> response) {
        attempts.add(what + " → " + response.statusCode());
    }

    /** The state an attacker would want to change: every row count that matters, and the newest ids. */
    private String fingerprint() {
        return String.join("|",
                String.valueOf(count("directive")), String.valueOf(count("assignment")), String.valueOf(count("notification")),
                String.valueOf(count("holiday")), String.valueOf(count("ACT_RU_TASK")), String.valueOf(count("ACT_RU_EXECUTION")),
                String.valueOf(count("ACT_RU_VARIABLE")), String.valueOf(count("ACT_ID_USER")), String.valueOf(count("ACT_ID_MEMBERSHIP")),
                jdbc.sql("select coalesce(max(id), 0) from directive").query(String.class).single(),
                jdbc.sql("select coalesce(max(id), 0) from notification").query(String.class).single());
    }

    private Map<String, Object> directiveJson() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> json = mapper.readValue(mapper.writeValueAsString(
                DirectiveFixtures.smallDirective("Giới hạn", List.of("STC"), List.of())), Map.class);
        return json;
    }

    private byte[] hugeDirectiveJson(int size) {
        StringBuilder json = new StringBuilder("{\"items\":[");
        int i = 0;
        while (json.length() < size) {
            json.append(i == 0 ? "" : ",").append("{\"label\":\"x\",\"content\":\"").append("a".repeat(1000)).append("\"}");
            i++;
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private String origin() {
        return "http://localhost:" + port;
    }

    private HttpRequest.Builder basic(String user, String password, String path) {
        return HttpRequest.newBuilder(URI.create(origin() + path))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
