package vn.directivetracker.notification;

import jakarta.mail.internet.AddressException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;

/** What a sending failure says about the next messages of the round. */
final class SmtpFailures {

    private SmtpFailures() {}

    /**
     * The server cannot be reached or refuses us: every further message of the round would fail the
     * same way, so the round stops and the untried rows are not charged an attempt.
     */
    static boolean serverUnreachable(Throwable failure) {
        if (failure instanceof MailAuthenticationException) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException
                    || t instanceof MailConnectException) {
                return true;
            }
        }
        return false;
    }

    /** The message itself is unusable (a malformed address): retrying cannot help. */
    static boolean permanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MailParseException || t instanceof AddressException) {
                return true;
            }
        }
        return false;
    }

    /** For last_error: the innermost useful message, with the exception types along the way. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < 1500; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" ← ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage().strip());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return text.toString();
    }
}
