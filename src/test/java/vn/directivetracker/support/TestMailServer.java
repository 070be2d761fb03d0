package vn.directivetracker.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * One real SMTP server (GreenMail) for the whole test JVM, on a free port chosen once — so that a test
 * can {@link #stop()} it (SMTP down) and {@link #start()} it again on the same port, where the
 * application's mail sender still points.
 */
public final class TestMailServer {

    public static final GreenMail SMTP;
    private static final int PORT;
    private static boolean running;

    static {
        try (ServerSocket probe = new ServerSocket(0)) {
            PORT = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SMTP = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        start();
    }

    private TestMailServer() {}

    public static int port() {
        return PORT;
    }

    /** SMTP down: connections to the port are refused until {@link #start()}. Received mail is dropped. */
    public static synchronized void stop() {
        if (running) {
            SMTP.stop();
            running = false;
        }
    }

    /** Forgets every message received so far. */
    public static void purge() {
        try {
            SMTP.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    public static synchronized void start() {
        if (!running) {
            SMTP.start();
            running = true;
        }
    }
}
