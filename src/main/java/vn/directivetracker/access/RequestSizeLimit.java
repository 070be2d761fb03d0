package vn.directivetracker.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.directivetracker.common.BodyTooLargeException;

/**
 * The size of a request body, checked before anything reads it (ADR 6, "limits before work"): a
 * declared {@code Content-Length} above the limit is answered 413 at once; a body without one
 * (chunked) is counted while it is read and reading stops with {@link BodyTooLargeException} at the
 * limit. Letters (pasted or uploaded, {@code /api/letters/**} and the workspace {@code /app/**}) have
 * a larger limit than everything else.
 */
class RequestSizeLimit extends OncePerRequestFilter {

    private final long defaultLimit;
    private final long letterLimit;

    RequestSizeLimit(DataSize defaultLimit, DataSize letterLimit) {
        this.defaultLimit = defaultLimit.toBytes();
        this.letterLimit = letterLimit.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long limit = path.startsWith("/api/letters/") || path.startsWith("/app/") ? letterLimit : defaultLimit;
        if (request.getContentLengthLong() > limit) {
            // Tomcat swallows at most server.tomcat.max-swallow-size of the unread body, then closes.
            response.setHeader("Connection", "close");
            ProblemResponses.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Nội dung quá lớn",
                    new BodyTooLargeException(limit).getMessage());
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String charset = getCharacterEncoding() != null ? getCharacterEncoding() : "UTF-8";
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
