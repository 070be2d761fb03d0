package vn.directivetracker.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** One real SMTP server (GreenMail) for the whole test JVM, on a free port. */
public final class TestMailServer {

    public static final GreenMail SMTP;

    static {
        SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        SMTP.start();
    }

    private TestMailServer() {}

    public static int port() {
        return SMTP.getSmtp().getPort();
    }
}
