package vn.directivetracker.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 answer read from a plain socket by its framing (Content-Length or chunked), for tests that
 * must control exactly what is sent: figure d's lean client, a request that declares a body it never sends.
 * Reading by framing, not to the end of the stream, matters: after answering, the server may keep the
 * connection open (kept alive, or waiting for a declared body it will discard).
 *
 * @param body the body's bytes, or {@code null} when the reader was asked to skip them
 * @param closes the server said {@code Connection: close}
 */
public record Http11Answer(int status, byte[] body, long bodyBytes, boolean closes) {

    /** Reads the status line, the headers and the whole body; keeps the body's bytes only if {@code keepBody}. */
    public static Http11Answer read(InputStream in, boolean keepBody) throws IOException {
        String statusLine = line(in);
        if (!statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closes = true;
            }
        }
        ByteArrayOutputStream kept = keepBody ? new ByteArrayOutputStream() : null;
        long bodyBytes = 0;
        if (chunked) {
            for (long chunk = chunkSize(in); chunk > 0; chunk = chunkSize(in)) {
                take(in, chunk, kept);
                bodyBytes += chunk;
                line(in);
            }
            for (String trailer = line(in); !trailer.isEmpty(); trailer = line(in)) {
                // no trailers are expected; read to the blank line that ends the answer
            }
        } else if (length >= 0) {
            take(in, length, kept);
            bodyBytes = length;
        } else {
            throw new IOException("an answer with neither a length nor chunks: " + statusLine);
        }
        return new Http11Answer(status, kept == null ? null : kept.toByteArray(), bodyBytes, closes);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static long chunkSize(InputStream in) throws IOException {
        return Long.parseLong(line(in).split(";")[0].trim(), 16);
    }

    /** Reads {@code bytes} bytes of body into {@code kept}, or skips them when it is {@code null}. */
    private static void take(InputStream in, long bytes, ByteArrayOutputStream kept) throws IOException {
        if (kept != null) {
            byte[] read = in.readNBytes((int) bytes);
            if (read.length < bytes) {
                throw new IOException("connection closed inside the body");
            }
            kept.write(read);
            return;
        }
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

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed inside the answer");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
