package vn.directivetracker.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Turns an outbox row into a MIME message: UTF-8 throughout (subject and sender name RFC 2047-encoded,
 * bodies quoted-printable or base64 as JavaMail chooses), plain text with an HTML alternative.
 */
class MailComposer {

    /** Lets a recipient (or a test) trace a message back to its outbox row. */
    static final String KEY_HEADER = "X-Directive-Tracker-Key";

    private final String from;
    private final String fromName;

    MailComposer(String from, String fromName) {
        this.from = from;
        this.fromName = fromName;
    }

    MimeMessage compose(JavaMailSender sender, OutboxRow row) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        try {
            helper.setFrom(from, fromName);
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
        helper.setTo(row.recipient());
        helper.setSubject(row.subject());
        helper.setText(row.text(), row.html());
        try {
            // Keys are ASCII in practice; encoded anyway, so that no raw 8-bit byte ever reaches a header.
            message.setHeader(KEY_HEADER, MimeUtility.fold(KEY_HEADER.length() + 2,
                    MimeUtility.encodeText(row.dedupKey(), StandardCharsets.UTF_8.name(), null)));
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
        return message;
    }
}
