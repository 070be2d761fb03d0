package vn.directivetracker.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reading what a real SMTP server (GreenMail) received: recipients, decoded parts, outbox keys. */
public final class Mails {

    /** Header the application writes with each message's outbox de-duplication key. */
    public static final String KEY_HEADER = "X-Directive-Tracker-Key";

    private Mails() {}

    /** Messages fully received; one still being delivered when we look is not counted yet. */
    public static List<MimeMessage> received(GreenMail server) {
        return Arrays.stream(server.getReceivedMessages()).filter(java.util.Objects::nonNull).toList();
    }

    /** How many messages arrived per outbox key (GreenMail stores one copy per recipient; we send to one). */
    public static Map<String, Long> countByKey(GreenMail server) {
        return received(server).stream().collect(Collectors.groupingBy(Mails::key, Collectors.counting()));
    }

    public static Map<String, MimeMessage> byKey(GreenMail server) {
        return received(server).stream().collect(Collectors.toMap(Mails::key, Function.identity(), (a, b) -> a));
    }

    public static String key(MimeMessage message) {
        return unchecked(() -> {
            String[] values = message.getHeader(KEY_HEADER);
            return values == null ? "" : values[0];
        });
    }

    public static String subject(MimeMessage message) {
        return unchecked(message::getSubject);
    }

    public static List<String> to(MimeMessage message) {
        return unchecked(() -> Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList());
    }

    /** The body of the given type, decoded (the message is multipart/mixed → alternative → text, html). */
    public static String part(MimeMessage message, String type) {
        String found = unchecked(() -> find(message.getContent(), type));
        assertThat(found).as(type + " part").isNotNull();
        return found;
    }

    public static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    private static String find(Object content, String type) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var bodyPart = multipart.getBodyPart(i);
                if (bodyPart.isMimeType(type)) {
                    return (String) bodyPart.getContent();
                }
                String nested = find(bodyPart.getContent(), type);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T unchecked(Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
