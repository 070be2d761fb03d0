package vn.directivetracker.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;

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

    /** An answer: status code and body length in bytes. */
    record Answer(int status, int bodyBytes) {
    }

    private final int port;
    /** Kept-alive connections not in use; a request takes one (or opens one) and gives it back. */
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();

    LeanHttp(int port) {
        this.port = port;
    }

    Answer get(String user, String password, String path) {
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

    private Answer exchange(Connection connection, byte[] request) throws IOException {
        try {
            Answer answer = connection.exchange(request);
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

        Answer exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ")) {
                throw new IOException("not an HTTP/1.1 answer: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            int body;
            if (chunked) {
                body = 0;
                for (long chunk = Long.parseLong(line().split(";")[0].trim(), 16); chunk > 0;
                        chunk = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(chunk);
                    body += (int) chunk;
                    line();
                }
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                    // trailers are not used by Tomcat here; read to the blank line
                }
            } else if (length >= 0) {
                skip(length);
                body = (int) length;
            } else {
                throw new IOException("answer without length: status " + status);
            }
            if (close) {
                socket.close(); // the next request opens a new connection
            }
            return new Answer(status, body);
        }

        private void skip(long bytes) throws IOException {
            long left = bytes;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed inside the body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private String line() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    bytes.write(b);
                }
            }
            return bytes.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
