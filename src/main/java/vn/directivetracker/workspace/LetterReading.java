package vn.directivetracker.workspace;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import vn.directivetracker.directive.DirectiveRequest;

/** Interim: the letter parser (branch issue-9-parser) is wired here once it lands. */
@Component
class LetterReading {

    record Result(DirectiveRequest request, Map<String, List<String>> warningsByField, List<String> generalWarnings,
            String summary) {}

    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    Result read(String text, MultipartFile file) {
        throw new Unreadable("Chức năng phân tích văn bản chưa sẵn sàng");
    }
}
