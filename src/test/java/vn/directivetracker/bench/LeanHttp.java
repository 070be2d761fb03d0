package vn.directivetracker.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import vn.directivetracker.support.Http11Answer;

/**
 * A minimal HTTP/1.1 client for figure d: kept-alive sockets reused across requests, a GET with HTTP
 * Basic, the answer read to its last byte (Content-Length or chunked). It exists because the
 * benchmark's client shares the machine's two cores with the server it measures: the JDK's
 * {@code HttpClient} (its selector thread, executor and futures) costs the machine CPU on every
 * request that an officer's browser, on another computer, never takes from the server. A client
 * that only writes a request and reads the answer's bytes leaves the cores to the server. Every
 * byte of the answer is still received before the request counts as done.
 */
final class LeanHttp {

    private final int port;
    /** Kept-alive connections not in use; a request takes one (or opens one) and gives it back. */
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();

    LeanHttp(int port) {
        this.port = port;
    }

    Http11Answer get(String user, String password, String path) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Basic " + basic
                + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        Connection connection = idle.pollFirst();
        try {
            if (connection == null) {
                connection = new Connection(new Socket("localhost", port));
            }
            return exchange(connection, request);
        } catch (IOException first) {
            // The server may close a kept-alive connection while it is idle (Tomcat's keepAliveTimeout):
            // one new connection, one retry of the GET.
            close(connection);
            try {
                return exchange(new Connection(new Socket("localhost", port)), request);
            } catch (IOException second) {
                throw new UncheckedIOException(second);
            }
        }
    }

    private Http11Answer exchange(Connection connection, byte[] request) throws IOException {
        try {
            Http11Answer answer = connection.exchange(request);
            if (!connection.socket.isClosed()) {
                idle.offerFirst(connection);
            }
            return answer;
        } catch (IOException e) {
            close(connection);
            throw e;
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.socket.close();
            } catch (IOException ignored) {
                // already broken
            }
        }
    }

    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            this.in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            this.out = socket.getOutputStream();
        }

        Http11Answer exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            Http11Answer answer = Http11Answer.read(in, false);
            if (answer.closes()) {
                socket.close(); // the next request opens a new connection
            }
            return answer;
        }
    }
}
