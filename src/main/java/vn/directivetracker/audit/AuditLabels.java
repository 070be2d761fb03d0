package vn.directivetracker.audit;

import java.util.Map;
import vn.directivetracker.directive.DirectiveEventType;

/**
 * Vietnamese names of the recorded actions: Camunda's operations and delegation actions here, the
 * directive history's from {@link DirectiveEventType}. An unknown code is shown as it is.
 */
final class AuditLabels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            // Camunda's user operation log
            Map.entry("Create", "Khởi tạo"),
            Map.entry("Claim", "Nhận việc"),
            Map.entry("Complete", "Hoàn thành"),
            Map.entry("Assign", "Giao việc"),
            Map.entry("SetOwner", "Đổi người chịu trách nhiệm"),
            Map.entry("Delegate", "Chuyển việc"),
            Map.entry("Resolve", "Trả lại người chuyển"),
            Map.entry("AddUserLink", "Thêm người xử lý"),
            Map.entry("DeleteUserLink", "Bỏ người xử lý"),
            Map.entry("AddGroupLink", "Thêm nhóm xử lý"),
            Map.entry("DeleteGroupLink", "Bỏ nhóm xử lý"),
            Map.entry("SetVariable", "Ghi biến"),
            Map.entry("ModifyVariable", "Sửa biến"),
            Map.entry("RemoveVariable", "Xóa biến"),
            Map.entry("Update", "Cập nhật"),
            Map.entry("Delete", "Xóa"),
            Map.entry("Suspend", "Tạm dừng"),
            Map.entry("Activate", "Tiếp tục"),
            Map.entry("SetJobRetries", "Chạy lại tác vụ lỗi"),
            Map.entry("CorrelateMessage", "Gửi thông điệp"),
            // delegation_action
            Map.entry("CLAIM", "Nhận việc thay"),
            Map.entry("COMPLETE", "Hoàn thành thay"));

    private AuditLabels() {}

    static String of(String action) {
        return DirectiveEventType.find(action).map(DirectiveEventType::label).orElseGet(() -> LABELS.getOrDefault(action, action));
    }
}
