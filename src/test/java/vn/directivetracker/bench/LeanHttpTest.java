package vn.directivetracker.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.directivetracker.support.Http11Answer;

/** Figure d's client against the JDK's HTTP server: bodies of both framings read to their end, connections kept or renewed. */
class LeanHttpTest {

    private final byte[] page = "x".repeat(40_000).getBytes(StandardCharsets.US_ASCII);
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/fixed", exchange -> answer(exchange, 200, page.length, false));
        server.createContext("/chunked", exchange -> answer(exchange, 200, 0, false));
        server.createContext("/close", exchange -> answer(exchange, 200, page.length, true));
        server.createContext("/missing", exchange -> answer(exchange, 404, page.length, false));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(com.sun.net.httpserver.HttpExchange exchange, int status, long length, boolean close) throws IOException {
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        clientPorts.add(exchange.getRemoteAddress().getPort());
        if (close) {
            exchange.getResponseHeaders().add("Connection", "close");
        }
        exchange.sendResponseHeaders(status, length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(page);
        }
    }

    /** The whole page was read (its bytes skipped, as the benchmark's client does). */
    private void assertAnswer(Http11Answer answer, int status) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.bodyBytes()).isEqualTo(page.length);
        assertThat(answer.body()).isNull();
    }

    private LeanHttp client() {
        return new LeanHttp(server.getAddress().getPort());
    }

    @Test
    void readsAFixedLengthBodyToItsEndAndKeepsTheConnection() {
        LeanHttp http = client();

        assertAnswer(http.get("cbsngv", "demo", "/fixed"), 200);
        assertAnswer(http.get("cbsngv", "demo", "/fixed"), 200);

        assertThat(clientPorts).hasSize(2).containsOnly(clientPorts.get(0));
        assertThat(authorizations).containsOnly("Basic " + Base64.getEncoder().encodeToString("cbsngv:demo".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsAChunkedBodyToItsEndSoTheNextAnswerIsNotMisread() {
        LeanHttp http = client();

        assertAnswer(http.get("cbsngv", "demo", "/chunked"), 200);
        assertAnswer(http.get("cbsngv", "demo", "/missing"), 404);
        assertThat(clientPorts).hasSize(2).containsOnly(clientPorts.get(0));
    }

    @Test
    void opensANewConnectionAfterTheServerSaidClose() {
        LeanHttp http = client();

        assertThat(http.get("cbsngv", "demo", "/close").status()).isEqualTo(200);
        assertThat(http.get("cbsngv", "demo", "/fixed").status()).isEqualTo(200);

        assertThat(clientPorts).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void failsWhenNoServerAnswers() {
        LeanHttp http = client();
        server.stop(0);

        assertThatThrownBy(() -> http.get("cbsngv", "demo", "/fixed")).isInstanceOf(UncheckedIOException.class);
    }
}
