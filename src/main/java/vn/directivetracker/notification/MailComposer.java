package vn.directivetracker.notification;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Turns an outbox row into a MIME message: UTF-8 throughout (subject and sender name RFC 2047-encoded,
 * bodies quoted-printable or base64 by JavaMail's rule), plain text with an HTML alternative.
 *
 * <p>Issue 11, ADR 19 (addendum): the sender's address is encoded once, and each body's transfer encoding is chosen
 * from its text here. Left to JavaMail, every body is encoded a first time only to count its non-ASCII
 * bytes and then again to be sent; the rule is the same ({@link #transferEncoding}), so the wire format
 * is unchanged.
 */
class MailComposer {

    /** Lets a recipient (or a test) trace a message back to its outbox row. */
    static final String KEY_HEADER = "X-Directive-Tracker-Key";

    private final InternetAddress from;

    MailComposer(String from, String fromName) {
        try {
            // Not validated here, as before: a sender address the server refuses fails each email visibly.
            this.from = new InternetAddress(from, fromName, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    MimeMessage compose(JavaMailSender sender, OutboxRow row) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(row.recipient());
        helper.setSubject(row.subject());
        helper.setText(row.text(), row.html());
        chooseTransferEncodings(helper.getRootMimeMultipart());
        try {
            // Keys are ASCII in practice; encoded anyway, so that no raw 8-bit byte ever reaches a header.
            message.setHeader(KEY_HEADER, MimeUtility.fold(KEY_HEADER.length() + 2,
                    MimeUtility.encodeText(row.dedupKey(), StandardCharsets.UTF_8.name(), null)));
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
        return message;
    }

    private static void chooseTransferEncodings(Multipart multipart) throws MessagingException {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            try {
                Object content = part.getContent();
                if (content instanceof Multipart nested) {
                    chooseTransferEncodings(nested);
                } else if (content instanceof String text && part instanceof MimeBodyPart body) {
                    body.setHeader("Content-Transfer-Encoding", transferEncoding(text));
                }
            } catch (java.io.IOException e) {
                throw new MessagingException("Cannot read a body part", e);
            }
        }
    }

    /**
     * JavaMail's rule for text ({@code MimeUtility.getEncoding}) over the UTF-8 bytes of {@code text}:
     * 7bit when every byte is ASCII and no line is longer than 998 bytes, quoted-printable when ASCII
     * bytes are the majority, base64 otherwise.
     */
    static String transferEncoding(String text) {
        long ascii = 0;
        long nonAscii = 0;
        int lineLength = 0;
        boolean longLine = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                ascii++;
                lineLength = c == '\r' || c == '\n' ? 0 : lineLength + 1;
            } else {
                // A surrogate pair is 4 UTF-8 bytes, 2 per half; any other char 2 or 3.
                int bytes = Character.isSurrogate(c) ? 2 : c < 0x800 ? 2 : 3;
                nonAscii += bytes;
                lineLength += bytes;
            }
            longLine |= lineLength > 998;
        }
        if (nonAscii == 0 && !longLine) {
            return "7bit";
        }
        return ascii > nonAscii ? "quoted-printable" : "base64";
    }
}
