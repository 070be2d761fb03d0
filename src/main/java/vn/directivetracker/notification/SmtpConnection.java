package vn.directivetracker.notification;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One SMTP connection kept open for a dispatcher round, messages sent over it one at a time (issue 11:
 * a new connection per message cost ~100 ms against GreenMail, a reused one ~10 ms). Each message
 * still gets its own outcome — {@link MailDispatcher} renews the row's claim before and records SENT
 * or the failure after each one — so a rejected recipient fails only its own row (JavaMail resets
 * the SMTP transaction and the connection carries on), and a node dying mid-round resends at most
 * the message in flight, as before. A connection the server dropped is opened again for the next
 * message; if that fails, the failure says "unreachable" ({@link SmtpFailures}) and the round stops.
 *
 * <p>Failures are translated as Spring's {@link JavaMailSenderImpl} does (authentication →
 * {@link MailAuthenticationException}, anything else → {@link MailSendException} with the cause), so
 * {@link SmtpFailures} reads them the same way. A sender that is not a {@link JavaMailSenderImpl}
 * (none in this application) is used message by message through {@link JavaMailSender#send}.
 */
final class SmtpConnection implements AutoCloseable {

    private final JavaMailSender sender;
    private Transport transport;

    SmtpConnection(JavaMailSender sender) {
        this.sender = sender;
    }

    void send(MimeMessage message) {
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            sender.send(message);
            return;
        }
        Transport open = connected(impl);
        try {
            if (message.getSentDate() == null) {
                message.setSentDate(new Date());
            }
            message.saveChanges();
            open.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            if (!open.isConnected()) {
                close();
            }
            throw new MailSendException("Failed to send message", e);
        }
    }

    private Transport connected(JavaMailSenderImpl impl) {
        if (transport != null && transport.isConnected()) {
            return transport;
        }
        close();
        try {
            Transport fresh = impl.getSession().getTransport(impl.getProtocol() == null ? "smtp" : impl.getProtocol());
            String user = impl.getUsername();
            String password = impl.getPassword();
            if (user == null || user.isEmpty()) {
                user = null;
                password = null;
            }
            fresh.connect(impl.getHost(), impl.getPort(), user, password);
            transport = fresh;
            return fresh;
        } catch (AuthenticationFailedException e) {
            throw new MailAuthenticationException(e);
        } catch (MessagingException e) {
            throw new MailSendException("Mail server connection failed", e);
        }
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // Closing a connection the server already dropped: nothing left to release.
            }
            transport = null;
        }
    }
}
