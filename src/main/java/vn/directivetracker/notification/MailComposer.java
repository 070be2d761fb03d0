package vn.directivetracker.notification;

import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Turns an outbox row into a MIME message: UTF-8 throughout (subject and sender name RFC 2047-encoded,
 * bodies in the smaller of quoted-printable and base64), plain text with an HTML alternative.
 *
 * <p>Issue 11, ADR 19 (addendum): the sender's address is encoded once, and each body's transfer encoding is chosen
 * from its text here. Left to JavaMail, every body is encoded a first time only to count its non-ASCII
 * bytes and then again to be sent. ADR 36: the choice between quoted-printable and base64 is by size
 * ({@link #transferEncoding}), no longer JavaMail's majority rule.
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
                    asBytes(body, text, transferEncoding(text));
                }
            } catch (java.io.IOException e) {
                throw new MessagingException("Cannot read a body part", e);
            }
        }
    }

    /**
     * The body as UTF-8 bytes rather than a String, with its type and encoding set, so that JavaMail
     * writes it in 8 KB blocks (ADR 38). Given a String, JavaMail's text handler writes through an
     * OutputStreamWriter into a stream that passes on one byte at a time, and the encoder then encodes
     * a byte per call: about a quarter of a sender thread's CPU. The bytes on the wire are the same.
     * Setting the data handler drops the content headers, so both are set again afterwards.
     */
    private static void asBytes(MimeBodyPart body, String text, String transferEncoding) throws MessagingException {
        String contentType = body.getDataHandler().getContentType();
        body.setDataHandler(new DataHandler(new ByteArrayDataSource(text.getBytes(StandardCharsets.UTF_8), contentType)));
        body.setHeader("Content-Type", contentType);
        body.setHeader("Content-Transfer-Encoding", transferEncoding);
    }

    /**
     * 7bit when every byte of the UTF-8 text is ASCII and no line is longer than 998 bytes (JavaMail's
     * rule); otherwise the smaller of quoted-printable and base64 (ADR 36). JavaMail picks
     * quoted-printable whenever ASCII bytes are the majority, but Vietnamese carries diacritics in
     * nearly every word and quoted-printable writes each of their bytes as three: every email this
     * application sends was 8–13 % (HTML) and 24 % (text) larger that way than in base64, and
     * quoted-printable is encoded (and decoded by the receiver) a byte at a time.
     */
    static String transferEncoding(String text) {
        long ascii = 0;
        long equalsSigns = 0;
        long nonAscii = 0;
        int lineLength = 0;
        boolean longLine = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                ascii++;
                if (c == '=') {
                    equalsSigns++;
                }
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
        // Quoted-printable escapes every non-ASCII byte and the "=" itself.
        long escaped = nonAscii + equalsSigns;
        return base64Length(ascii + nonAscii) <= quotedPrintableLength(ascii - equalsSigns, escaped) ? "base64" : "quoted-printable";
    }

    /** Encoded size, line breaks included: "=XX" per escaped byte, a soft break ("=" CRLF) per 73 characters. */
    private static long quotedPrintableLength(long plain, long escaped) {
        long encoded = plain + 3 * escaped;
        return encoded + encoded / 73 * 3;
    }

    /** Encoded size: 4 characters per 3 bytes, CRLF after every 76. */
    private static long base64Length(long bytes) {
        long encoded = (bytes + 2) / 3 * 4;
        return encoded + encoded / 76 * 2;
    }
}
