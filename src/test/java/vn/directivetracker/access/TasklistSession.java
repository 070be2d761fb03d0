package vn.directivetracker.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Tasklist's own JavaScript does over HTTP after the one login at {@code /login}: the
 * webapp's engine API ({@code /camunda/api/engine/engine/<name>/…}) with the session cookie, and on
 * every write the CSRF token Camunda's filter handed out plus a same-origin Referer.
 */
final class TasklistSession {

    private static final Pattern SPRING_CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String origin;
    private final String engine;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    TasklistSession(int port, String engine) {
        this.origin = "http://localhost:" + port;
        this.engine = engine;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /**
     * Signs in once at {@code /login} (the one login, ADR 6), opens one web application (tasklist, cockpit,
     * admin) and answers what Camunda's own login used to: 200 when the user may use that application,
     * 403 when Camunda does not list it among the user's applications, 401 when the password was wrong.
     */
    int login(String user, String password, String app) {
        HttpResponse<String> login = signIn(user, password);
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            return 401;
        }
        send(HttpRequest.newBuilder(URI.create(origin + "/camunda/app/" + app + "/" + engine + "/")).GET());
        HttpResponse<String> current = refreshCsrfToken();
        if (current.statusCode() != 200) {
            return current.statusCode();
        }
        return current.body().matches("(?s).*\"authorizedApps\"\\s*:\\s*\\[[^\\]]*\"" + app + "\".*") ? 200 : 403;
    }

    /** The login form at {@code /login} with its CSRF token; answers the response (a 302). */
    HttpResponse<String> signIn(String user, String password) {
        Matcher csrf = SPRING_CSRF.matcher(page("/login").body());
        if (!csrf.find()) {
            throw new AssertionError("No CSRF token on the login page");
        }
        return send(HttpRequest.newBuilder(URI.create(origin + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(credentials(user, password)
                        + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))));
    }

    /** Camunda's own password login, which the one login replaces; answers the HTTP status. */
    int camundaLogin(String user, String password, String app) {
        return send(write(origin + "/camunda/api/admin/auth/user/" + engine + "/login/" + app)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(credentials(user, password)))).statusCode();
    }

    /** GET of any page in this session, redirects not followed. */
    HttpResponse<String> page(String path) {
        return send(HttpRequest.newBuilder(URI.create(origin + path)).GET());
    }

    private static String credentials(String user, String password) {
        return "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    }

    /** Tasklist's "Đăng xuất": Camunda's logout call, with its CSRF token; answers the HTTP status. */
    int logout() {
        return send(write(origin + "/camunda/api/admin/auth/user/" + engine + "/logout")
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode();
    }

    /** GET on the webapp's engine API, path relative to {@code /camunda/api/engine/engine/<name>}. */
    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(engineApi(path))).header("Accept", "application/json, */*").GET());
    }

    HttpResponse<String> post(String path, String json) {
        return send(write(engineApi(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> put(String path, String json) {
        return send(write(engineApi(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) {
        return send(write(engineApi(path)).DELETE());
    }

    /** Starts an anonymous session: it has a CSRF token but no login. */
    void anonymous() {
        refreshCsrfToken();
    }

    private String engineApi(String path) {
        return origin + "/camunda/api/engine/engine/" + engine + path;
    }

    private HttpRequest.Builder write(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/json, */*")
                .header("Referer", origin + "/camunda/app/tasklist/");
        cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .reduce((first, last) -> last)
                .ifPresent(token -> builder.header("X-XSRF-TOKEN", token));
        return builder;
    }

    /** A read hands out the session's CSRF token (response header and cookie), as the page load does. */
    private HttpResponse<String> refreshCsrfToken() {
        return send(HttpRequest.newBuilder(URI.create(origin + "/camunda/api/admin/auth/user/" + engine)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
