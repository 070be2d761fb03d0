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

/**
 * What Tasklist's own JavaScript does over HTTP: a session login to a web application, then the
 * webapp's engine API ({@code /camunda/api/engine/engine/<name>/…}) with the session cookie, and on
 * every write the CSRF token Camunda's filter handed out plus a same-origin Referer.
 */
final class TasklistSession {

    private final String origin;
    private final String engine;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    TasklistSession(int port, String engine) {
        this.origin = "http://localhost:" + port;
        this.engine = engine;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** Logs in to one web application (tasklist, cockpit, admin); answers the HTTP status. */
    int login(String user, String password, String app) {
        refreshCsrfToken();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(write(origin + "/camunda/api/admin/auth/user/" + engine + "/login/" + app)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        refreshCsrfToken();
        return response.statusCode();
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
    private void refreshCsrfToken() {
        send(HttpRequest.newBuilder(URI.create(origin + "/camunda/api/admin/auth/user/" + engine)).GET());
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
