package vn.directivetracker.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import vn.directivetracker.directive.DirectiveRequest;
import vn.directivetracker.letter.LetterParser;
import vn.directivetracker.letter.LetterProposal;
import vn.directivetracker.letter.LetterRejectedException;
import vn.directivetracker.letter.LetterText;

/**
 * "Phân tích" on the new-directive page: the pasted text or the uploaded file through the letter
 * import ({@link LetterText}, {@link LetterParser}, the same as {@code POST /api/letters/parse}), and
 * each parser warning placed next to the form field it concerns.
 */
@Component
class LetterReading {

    record Result(DirectiveRequest request, Map<String, List<String>> warningsByField, List<String> generalWarnings,
            String summary) {}

    /** The letter cannot be read; the message says why, in Vietnamese. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    private final LetterParser parser;
    private final long maxTextBytes;
    private final long maxFileBytes;

    LetterReading(LetterParser parser,
            @Value("${directive-tracker.letters.max-text-bytes:1048576}") long maxTextBytes,
            @Value("${directive-tracker.letters.max-file-bytes:10485760}") long maxFileBytes) {
        this.parser = parser;
        this.maxTextBytes = maxTextBytes;
        this.maxFileBytes = maxFileBytes;
    }

    Result read(String pasted, MultipartFile file) {
        try {
            LetterProposal proposal = parser.parse(text(pasted, file));
            return place(proposal);
        } catch (LetterRejectedException rejected) {
            throw new Unreadable(rejected.getMessage());
        }
    }

    /** A file wins over the text box; the kind comes from the file's name, the content is checked by LetterText. */
    private String text(String pasted, MultipartFile file) {
        if (file != null && !file.isEmpty()) {
            if (file.getSize() > maxFileBytes) {
                throw new Unreadable("Tệp quá lớn: tối đa " + maxFileBytes / 1024 / 1024 + " MB");
            }
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
            LetterText.Kind kind = name.endsWith(".txt") ? LetterText.Kind.TEXT
                    : name.endsWith(".docx") ? LetterText.Kind.DOCX
                    : name.endsWith(".pdf") ? LetterText.Kind.PDF
                    : LetterText.Kind.ANY_FILE;
            try {
                return LetterText.extract(file.getBytes(), kind);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (pasted == null || pasted.isBlank()) {
            throw new Unreadable("Chưa có nội dung văn bản: dán toàn văn công văn, kế hoạch, chỉ thị hoặc thông báo, hoặc chọn tệp .docx, .pdf");
        }
        if (pasted.length() > maxTextBytes) {
            throw new Unreadable("Văn bản dán vào quá dài: tối đa " + maxTextBytes / 1024 + " KB. Chỉ dán văn bản chỉ đạo, không kèm phụ lục");
        }
        return pasted;
    }

    /**
     * A warning belongs to the proposed value whose words it overlaps (the smallest such span), else
     * to a field its message names; what fits nowhere is shown above the form.
     */
    private static Result place(LetterProposal proposal) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (LetterProposal.Warning warning : proposal.warnings()) {
            String field = fieldOf(warning, proposal.sources());
            if (field == null) {
                general.add(warning.message());
            } else {
                byField.computeIfAbsent(field, k -> new ArrayList<>()).add(warning.message());
            }
        }
        DirectiveRequest request = proposal.directive();
        int items = request.items() == null ? 0 : request.items().size();
        String summary = "Đã phân tích: " + items + " mục, " + proposal.letter().assignmentCount() + " lượt giao việc cho đơn vị, "
                + proposal.warnings().size() + " cảnh báo cần xem. Kiểm tra và sửa đề xuất dưới đây trước khi trình.";
        return new Result(request, byField, general, summary);
    }

    private static String fieldOf(LetterProposal.Warning warning, Map<String, LetterProposal.Span> sources) {
        if (warning.start() != null && warning.end() != null && warning.end() > warning.start()) {
            String best = null;
            int bestLength = Integer.MAX_VALUE;
            for (Map.Entry<String, LetterProposal.Span> source : sources.entrySet()) {
                LetterProposal.Span span = source.getValue();
                boolean overlaps = span.start() < warning.end() && warning.start() < span.end();
                String field = formField(source.getKey());
                if (overlaps && field != null && span.end() - span.start() < bestLength) {
                    best = field;
                    bestLength = span.end() - span.start();
                }
            }
            if (best != null) {
                return best;
            }
        }
        String message = warning.message().toLowerCase(Locale.ROOT);
        if (message.contains("loại văn bản")) {
            return "type";
        } else if (message.contains("mã lĩnh vực")) {
            return "fieldCode";
        } else if (message.contains("trích yếu")) {
            return "subject";
        } else if (message.contains("chữ ký") || message.contains("người ký")) {
            return "signer.authority";
        } else if (message.contains("kính gửi")) {
            return "recipients";
        }
        return null;
    }

    /** JSON pointer of the proposal → the form field showing it: /items/0/leadAgencies/1 → items[0].leadAgencies. */
    static String formField(String pointer) {
        String[] parts = pointer.substring(1).split("/");
        if (parts.length == 0 || "letter".equals(parts[0])) {
            return null;
        }
        if ("items".equals(parts[0]) && parts.length >= 2) {
            String field = parts.length >= 3 ? parts[2] : "content";
            if (field.equals("deadlineWorkingDays") || field.equals("ongoing") || field.equals("reportSchedule")) {
                field = "deadline";
            }
            if (field.equals("label")) {
                field = "content";
            }
            return "items[" + parts[1] + "]." + field;
        }
        if ("signer".equals(parts[0]) && parts.length >= 2) {
            return "signer." + parts[1];
        }
        return parts[0];
    }
}
