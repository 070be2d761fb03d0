package vn.directivetracker.workspace;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.MappingJackson2JsonView;

/**
 * A multipart body over the limits fails before any controller is chosen, so only an advice without
 * package selectors sees it: the workspace answers with its Vietnamese page, the API with problem+json.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimits {

    static final String MESSAGE = "Nội dung dán vào hoặc tệp tải lên quá lớn: văn bản dán vào tối đa 1 MB, tệp .docx, .pdf "
            + "tối đa 10 MB. Chỉ gửi văn bản chỉ đạo, không kèm phụ lục hay hình ảnh. Chưa có gì được lưu.";

    private final WorkspacePages pages;

    UploadLimits(WorkspacePages pages) {
        this.pages = pages;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/app/")) {
            return pages.error(HttpStatus.PAYLOAD_TOO_LARGE, "Nội dung quá lớn", MESSAGE);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, MESSAGE);
        problem.setTitle("Nội dung quá lớn");
        ModelAndView json = new ModelAndView(new MappingJackson2JsonView(), "problem", problem);
        json.setStatus(HttpStatus.PAYLOAD_TOO_LARGE);
        return json;
    }
}
