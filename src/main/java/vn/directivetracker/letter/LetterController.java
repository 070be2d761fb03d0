package vn.directivetracker.letter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.common.CurrentActor;
import vn.directivetracker.common.ForbiddenException;
import vn.directivetracker.identity.Roles;

/**
 * {@code POST /api/letters/parse}: the letter in the request body, as UTF-8 text, a {@code .docx}
 * or a text-layer PDF (raw bytes, the kind in Content-Type) → the proposed directive. The body is
 * read here, not by a message converter, so that its size is checked before it is read and every
 * refusal is a Vietnamese problem+json. Nothing is stored.
 */
@RestController
@RequestMapping("/api/letters")
class LetterController {

    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final LetterParser parser;
    private final CurrentActor actor;
    private final Counter parsed;
    private final long maxTextBytes;
    private final long maxFileBytes;

    LetterController(LetterParser parser, CurrentActor actor, MeterRegistry meters,
            @Value("${directive-tracker.letters.max-text-bytes:1048576}") long maxTextBytes,
            @Value("${directive-tracker.letters.max-file-bytes:10485760}") long maxFileBytes) {
        this.parser = parser;
        this.actor = actor;
        this.parsed = Counter.builder("directive_tracker.letters.parsed").description("Letters read by the letter import")
                .register(meters);
        this.maxTextBytes = maxTextBytes;
        this.maxFileBytes = maxFileBytes;
    }

    @PostMapping("/parse")
    LetterProposal parse(HttpServletRequest request) throws IOException {
        if (!actor.isMemberOf(Roles.COORDINATOR)) {
            throw new ForbiddenException("Chỉ chuyên viên theo dõi (nhóm coordinator) được phân tích văn bản");
        }
        LetterText.Kind kind = kind(request.getContentType());
        long limit = kind == LetterText.Kind.TEXT ? maxTextBytes : maxFileBytes;
        byte[] body = read(request, limit);
        String text = LetterText.extract(body, kind);
        LetterProposal proposal = parser.parse(text);
        parsed.increment();
        return proposal;
    }

    private static LetterText.Kind kind(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported();
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw unsupported();
        }
        if (type.isCompatibleWith(MediaType.TEXT_PLAIN) && !type.isWildcardType()) {
            Charset charset = type.getCharset();
            if (charset != null && !charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.US_ASCII)) {
                throw new LetterRejectedException(415, "Chỉ nhận văn bản mã UTF-8 (text/plain; charset=UTF-8), không nhận " + charset.name());
            }
            return LetterText.Kind.TEXT;
        }
        if (type.equalsTypeAndSubtype(DOCX)) {
            return LetterText.Kind.DOCX;
        }
        if (type.equalsTypeAndSubtype(MediaType.APPLICATION_PDF)) {
            return LetterText.Kind.PDF;
        }
        if (type.equalsTypeAndSubtype(MediaType.APPLICATION_OCTET_STREAM)) {
            return LetterText.Kind.ANY_FILE;
        }
        throw unsupported();
    }

    private static LetterRejectedException unsupported() {
        return new LetterRejectedException(415, "Kiểu nội dung không được hỗ trợ: gửi văn bản dạng text/plain; charset=UTF-8, "
                + "tệp Word (" + DOCX + "), application/pdf hoặc application/octet-stream");
    }

    /** The declared length is checked before anything is read; a body without one stops at the limit. */
    private static byte[] read(HttpServletRequest request, long limit) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > limit) {
                    throw tooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static LetterRejectedException tooLarge(long limit) {
        return new LetterRejectedException(413, "Nội dung quá lớn: tối đa " + (limit / 1024) + " KB. "
                + "Chỉ gửi văn bản chỉ đạo, không gửi kèm phụ lục hay hình ảnh");
    }

    @ExceptionHandler(LetterRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(LetterRejectedException e) {
        HttpStatus status = HttpStatus.valueOf(e.status());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(switch (e.status()) {
            case 413 -> "Nội dung quá lớn";
            case 415 -> "Kiểu nội dung không được hỗ trợ";
            default -> "Không đọc được văn bản";
        });
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
