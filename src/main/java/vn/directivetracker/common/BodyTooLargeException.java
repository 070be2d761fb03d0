package vn.directivetracker.common;

import java.io.IOException;
import org.springframework.util.unit.DataSize;

/** Reading a request body went past its size limit (access.RequestSizeLimit); answered 413. */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limit) {
        super("Nội dung yêu cầu vượt quá giới hạn " + DataSize.ofBytes(limit).toKilobytes() + " KB");
    }
}
