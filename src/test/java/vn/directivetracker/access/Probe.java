package vn.directivetracker.access;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** One HTTP call of a probe: method, path and optional JSON body, sent as some user (or nobody). */
record Probe(HttpMethod method, String path, String json) {

    static Probe get(String path) {
        return new Probe(HttpMethod.GET, path, null);
    }

    static Probe post(String path, String json) {
        return new Probe(HttpMethod.POST, path, json);
    }

    static Probe put(String path, String json) {
        return new Probe(HttpMethod.PUT, path, json);
    }

    static Probe delete(String path) {
        return new Probe(HttpMethod.DELETE, path, null);
    }

    ResponseEntity<String> send(TestRestTemplate client) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "application/json, */*");
        if (json != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return client.exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
