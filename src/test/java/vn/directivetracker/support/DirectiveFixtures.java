package vn.directivetracker.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import vn.directivetracker.directive.DirectiveRequest;
import vn.directivetracker.directive.DocumentType;
import vn.directivetracker.directive.Urgency;

public final class DirectiveFixtures {

    public static final String SEED_JSON = "data/examples/seed-directive-gialai-2026.json";

    private DirectiveFixtures() {}

    /** A one-item letter to the given lead agencies, ongoing. */
    public static DirectiveRequest smallDirective(String subject, List<String> leads, List<String> coordinating) {
        return directive(subject, leads,
                new DirectiveRequest.Item("1", "Nội dung nhiệm vụ thử nghiệm", leads, coordinating, null, null, true, null));
    }

    /** A letter to the given recipients ("Kính gửi") with the given items. */
    public static DirectiveRequest directive(String subject, List<String> recipients, DirectiveRequest.Item... items) {
        return new DirectiveRequest(DocumentType.CONG_VAN, "KGVX", subject, "Căn cứ thử nghiệm", null, Urgency.NORMAL,
                new DirectiveRequest.Signer("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Thử"),
                recipients, List.of("Lưu: VT"), "VT", "Đề nghị thực hiện./.", null, List.of(items));
    }

    /** An item due the given number of working days after issue. */
    public static DirectiveRequest.Item itemDueIn(int workingDays, String label, String content, List<String> leads,
            List<String> coordinating) {
        return new DirectiveRequest.Item(label, content, leads, coordinating, null, workingDays, false, null);
    }

    /** A one-item letter whose item is due on the given date. */
    public static DirectiveRequest withDeadline(String subject, List<String> leads, java.time.LocalDate deadline) {
        return directive(subject, leads,
                new DirectiveRequest.Item("1", "Nhiệm vụ có thời hạn", leads, List.of(), deadline, null, false, null));
    }

    /** A one-item ongoing letter whose ongoing work ends with the period. */
    public static DirectiveRequest ongoingUntil(String subject, List<String> leads, java.time.LocalDate periodEnd) {
        DirectiveRequest base = smallDirective(subject, leads, List.of());
        return new DirectiveRequest(base.type(), base.fieldCode(), subject, base.legalBasis(), null, base.urgency(),
                base.signer(), leads, base.copyTo(), base.archiveCodes(), base.closingText(), periodEnd, base.items());
    }

    public static String seedJson() {
        try (InputStream in = new ClassPathResource(SEED_JSON).getInputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DirectiveRequest seed(ObjectMapper mapper) {
        try {
            return mapper.readValue(seedJson(), DirectiveRequest.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
