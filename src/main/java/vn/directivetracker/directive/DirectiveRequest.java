package vn.directivetracker.directive;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A draft directive as the drafter submits it (README "Application API"). Field-level rules are annotations;
 * rules that need the registry or the calendar live in {@link DirectiveRequestValidator}.
 */
public record DirectiveRequest(
        @NotNull(message = "Chưa chọn loại văn bản") DocumentType type,
        @NotBlank(message = "Chưa có mã lĩnh vực (ví dụ KGVX)")
                @Pattern(regexp = "[A-Z0-9]{1,20}", message = "Mã lĩnh vực chỉ gồm chữ in hoa và chữ số")
                String fieldCode,
        @NotBlank(message = "Chưa có trích yếu") @Size(max = 500, message = "Trích yếu tối đa 500 ký tự") String subject,
        @Size(max = 4000, message = "Căn cứ tối đa 4000 ký tự") String legalBasis,
        @Size(max = 120, message = "Địa danh tối đa 120 ký tự") String place,
        Urgency urgency,
        @NotNull(message = "Chưa có người ký") @Valid Signer signer,
        @NotEmpty(message = "Chưa có nơi nhận (Kính gửi)")
                List<@NotBlank(message = "Mã nơi nhận trống") String> recipients,
        List<@NotBlank(message = "Nơi nhận để biết trống") @Size(max = 255) String> copyTo,
        @Size(max = 255, message = "Ký hiệu lưu tối đa 255 ký tự") String archiveCodes,
        @Size(max = 2000, message = "Phần kết tối đa 2000 ký tự") String closingText,
        LocalDate periodEnd,
        @NotEmpty(message = "Văn bản phải có ít nhất một nhiệm vụ") List<@NotNull @Valid Item> items) {

    public record Signer(
            @NotBlank(message = "Chưa có thẩm quyền ký (TM./KT.)") @Size(max = 255) String authority,
            @NotBlank(message = "Chưa có chức vụ người ký") @Size(max = 255) String title,
            @NotBlank(message = "Chưa có họ tên người ký") @Size(max = 255) String name) {}

    /**
     * One numbered item. Its deadline is exactly one of: a date, a number of working days after
     * issue, or none because the work is ongoing (then it reports on a schedule).
     */
    public record Item(
            @NotBlank(message = "Chưa có số thứ tự mục") @Size(max = 20) String label,
            @NotBlank(message = "Chưa có nội dung nhiệm vụ") @Size(max = 10000, message = "Nội dung tối đa 10000 ký tự")
                    String content,
            @NotEmpty(message = "Chưa có đơn vị chủ trì")
                    List<@NotBlank(message = "Mã đơn vị trống") String> leadAgencies,
            List<@NotBlank(message = "Mã đơn vị trống") String> coordinatingAgencies,
            LocalDate deadline,
            @Positive(message = "Số ngày làm việc phải lớn hơn 0") Integer deadlineWorkingDays,
            boolean ongoing,
            ReportSchedule reportSchedule) {

        public List<String> coordinating() {
            return coordinatingAgencies == null ? List.of() : coordinatingAgencies;
        }
    }

    public List<String> copyToOrEmpty() {
        return copyTo == null ? List.of() : copyTo;
    }
}
