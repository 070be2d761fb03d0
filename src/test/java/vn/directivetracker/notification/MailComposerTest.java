package vn.directivetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * ADR 19 (addendum), ADR 36: the composer chooses each body's transfer encoding itself, so JavaMail no longer
 * encodes every body once just to count its bytes: 7bit exactly when JavaMail would
 * ({@link MimeUtility#getEncoding(DataHandler)}), otherwise the smaller of quoted-printable and base64, checked
 * against the sizes JavaMail's own encoders produce, for real and generated texts, and end to end.
 */
class MailComposerTest {

    private static final String VIETNAMESE = "Ủy ban nhân dân tỉnh giao đơn vị nhiệm vụ sau: triển khai thông tin đối ngoại";

    @Test
    void choosesSevenBitWhenJavaMailWouldAndOtherwiseTheSmallerEncodingForTypicalBodies() {
        List<String> texts = List.of("", "Hello", "line one\r\nline two\n", "a".repeat(998), "a".repeat(999),
                "a".repeat(500) + "\r\n" + "b".repeat(998), VIETNAMESE, "Số 12/UBND-KGVX " + VIETNAMESE.substring(0, 10),
                "Mostly ASCII text with one word in Vietnamese: Sở", "Emoji 📨 and ASCII", "📨📨📨",
                "<p>Kính gửi: <strong>Sở Ngoại vụ</strong></p>", "x".repeat(990) + "ở" + "y".repeat(10));
        for (String text : texts) {
            assertSameChoice(text);
        }
    }

    @Test
    void choosesSevenBitWhenJavaMailWouldAndOtherwiseTheSmallerEncodingForGeneratedBodies() {
        Random random = new Random(11);
        String[] pieces = {"a", "Z", " ", ".", "\n", "\r\n", "ơ", "Đ", "ệ", "😀", "x".repeat(300), "ữ".repeat(200)};
        for (int sample = 0; sample < 2000; sample++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertSameChoice(text.toString());
        }
    }

    @Test
    void aComposedMessageCarriesTheChosenEncodingsAndReadsBackUnchanged() throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setSession(Session.getInstance(new Properties()));
        MailComposer composer = new MailComposer("no-reply@example.gov.vn", "Hệ thống theo dõi chỉ đạo");
        String html = "<p>" + VIETNAMESE + "</p>";
        OutboxRow row = new OutboxRow(1L, "assignment-received:1:SNGV", "ASSIGNMENT_RECEIVED", "sngv@example.gov.vn",
                "Giao nhiệm vụ", VIETNAMESE, html, 0, null);

        MimeMessage message = composer.compose(sender, row);
        message.saveChanges();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        message.writeTo(wire);
        MimeMessage received = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(wire.toByteArray()));

        List<BodyPart> parts = new ArrayList<>();
        collect((Multipart) received.getContent(), parts);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).getContent()).isEqualTo(VIETNAMESE);
        assertThat(parts.get(0).getHeader("Content-Transfer-Encoding")).containsExactly(MailComposer.transferEncoding(VIETNAMESE));
        assertThat(parts.get(1).getContent()).isEqualTo(html);
        assertThat(parts.get(1).getHeader("Content-Transfer-Encoding")).containsExactly(MailComposer.transferEncoding(html));
        assertThat(received.getFrom()[0].toString()).contains("no-reply@example.gov.vn");
        assertThat(MimeUtility.decodeText(received.getHeader("From", null))).contains("Hệ thống theo dõi chỉ đạo");
        assertThat(received.getSubject()).isEqualTo("Giao nhiệm vụ");
    }

    /**
     * ADR 38: the bodies are handed to JavaMail as bytes so that they are encoded in blocks; what goes on
     * the wire is what JavaMail wrote for the same texts given as Strings with the same encodings, byte
     * for byte (part boundaries and the message id, which JavaMail makes unique, aside).
     */
    @Test
    void bodiesGivenAsBytesGoOnTheWireExactlyAsTheSameTextsGivenAsStrings() throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setSession(Session.getInstance(new Properties()));
        MailComposer composer = new MailComposer("no-reply@example.gov.vn", "Hệ thống theo dõi chỉ đạo");
        List<String[]> bodies = List.of(
                new String[] {VIETNAMESE + "\r\n" + VIETNAMESE.repeat(20), "<p>" + VIETNAMESE.repeat(30) + "</p>\n"},
                new String[] {"Mostly ASCII text with one word in Vietnamese: Sở\n" + "x".repeat(200), "<p>Plain = ASCII</p>"},
                new String[] {"Plain ASCII\nsecond line", "<p>" + "y".repeat(1200) + "</p>"});
        for (String[] body : bodies) {
            OutboxRow row = new OutboxRow(7L, "due-soon-reminder:7:2026-12-15", "DUE_SOON_REMINDER", "sngv@example.gov.vn",
                    "[Sắp đến hạn] " + VIETNAMESE, body[0], body[1], 0, null);
            MimeMessage composed = composer.compose(sender, row);

            MimeMessage asStrings = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(asStrings, true, "UTF-8");
            helper.setFrom(new InternetAddress("no-reply@example.gov.vn", "Hệ thống theo dõi chỉ đạo", "UTF-8"));
            helper.setTo(row.recipient());
            helper.setSubject(row.subject());
            helper.setText(body[0], body[1]);
            List<BodyPart> parts = new ArrayList<>();
            collect(helper.getRootMimeMultipart(), parts);
            parts.get(0).setHeader("Content-Transfer-Encoding", MailComposer.transferEncoding(body[0]));
            parts.get(1).setHeader("Content-Transfer-Encoding", MailComposer.transferEncoding(body[1]));
            asStrings.setHeader(MailComposer.KEY_HEADER, composed.getHeader(MailComposer.KEY_HEADER, null));

            assertThat(wire(composed)).isEqualTo(wire(asStrings));
        }
    }

    private static String wire(MimeMessage message) throws Exception {
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        String text = out.toString(StandardCharsets.US_ASCII);
        List<String> boundaries = new ArrayList<>();
        Matcher m = Pattern.compile("boundary=\"([^\"]+)\"").matcher(text);
        while (m.find()) {
            boundaries.add(m.group(1));
        }
        text = text.replaceAll("Message-ID: <[^>]+>", "Message-ID: <id>");
        for (int i = 0; i < boundaries.size(); i++) {
            text = text.replace(boundaries.get(i), "boundary-" + i);
        }
        assertThat(boundaries).as("multipart boundaries").isNotEmpty();
        return text;
    }

    @Test
    void vietnameseBodiesGoInBase64AndEnglishOnesInQuotedPrintable() {
        assertThat(MailComposer.transferEncoding(VIETNAMESE)).isEqualTo("base64");
        assertThat(MailComposer.transferEncoding("<p style=\"margin:0\">Kính gửi: <strong>Sở Ngoại vụ</strong></p>\r\n"
                + "<p>Đề nghị đơn vị xác nhận tiếp nhận nhiệm vụ trước ngày 15/12/2026.</p>")).isEqualTo("base64");
        assertThat(MailComposer.transferEncoding("Mostly ASCII text with one word in Vietnamese: Sở")).isEqualTo("quoted-printable");
        assertThat(MailComposer.transferEncoding("Plain ASCII")).isEqualTo("7bit");
    }

    private static void assertSameChoice(String text) {
        for (String type : List.of("text/plain; charset=UTF-8", "text/html; charset=UTF-8")) {
            String javaMail = MimeUtility.getEncoding(new DataHandler(text, type));
            String chosen = MailComposer.transferEncoding(text);
            assertThat(chosen.equals("7bit")).as("7bit as JavaMail for %s: %s", type, text).isEqualTo(javaMail.equals("7bit"));
        }
        String chosen = MailComposer.transferEncoding(text);
        if (!chosen.equals("7bit")) {
            long qp = encodedLength(text, "quoted-printable");
            long base64 = encodedLength(text, "base64");
            // The estimate counts JavaMail's soft line breaks approximately: a tie may go either way.
            long chosenLength = chosen.equals("base64") ? base64 : qp;
            assertThat(chosenLength).as("%s (qp %d, base64 %d): %s", chosen, qp, base64, text)
                    .isLessThanOrEqualTo(Math.min(qp, base64) + Math.max(4, Math.min(qp, base64) / 50));
        }
    }

    /** The size of JavaMail's own encoding of the UTF-8 text. */
    private static long encodedLength(String text, String encoding) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (var encoder = MimeUtility.encode(out, encoding)) {
                encoder.write(text.getBytes(StandardCharsets.UTF_8));
            }
            return out.size();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(Multipart multipart, List<BodyPart> into) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                collect(nested, into);
            } else {
                into.add(part);
            }
        }
    }
}
