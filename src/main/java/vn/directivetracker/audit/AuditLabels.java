package vn.directivetracker.audit;

import java.util.Map;

/** Vietnamese names of the recorded actions (audit, the workspace's history); an unknown code is shown as it is. */
public final class AuditLabels {

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
            // directive_event
            Map.entry("SUBMITTED", "Trình dự thảo"),
            Map.entry("REVIEW_APPROVED", "Đồng ý dự thảo, trình ký"),
            Map.entry("REVIEW_RETURNED", "Trả lại dự thảo"),
            Map.entry("REVISED", "Chỉnh sửa dự thảo"),
            Map.entry("SIGNED", "Ký ban hành"),
            Map.entry("SIGN_RETURNED", "Trả lại, không ký"),
            Map.entry("ACKNOWLEDGED", "Xác nhận tiếp nhận"),
            Map.entry("HEAD_APPROVED", "Lãnh đạo đơn vị duyệt"),
            Map.entry("HEAD_RETURNED", "Lãnh đạo đơn vị yêu cầu bổ sung"),
            Map.entry("RESULT_ACCEPTED", "Chấp nhận kết quả"),
            Map.entry("RESULT_RETURNED", "Trả lại kết quả"),
            Map.entry("CLOSED", "Kết thúc theo dõi"),
            Map.entry("EXTENSION_REQUESTED", "Đề nghị gia hạn"),
            Map.entry("EXTENSION_APPROVED", "Đồng ý gia hạn"),
            Map.entry("EXTENSION_REJECTED", "Không đồng ý gia hạn"),
            Map.entry("DEADLINE_CHANGED", "Điều chỉnh thời hạn"),
            Map.entry("AGENCY_ADDED", "Thêm đơn vị thực hiện"),
            Map.entry("AGENCY_REMOVED", "Bớt đơn vị thực hiện"),
            Map.entry("OVERDUE", "Quá hạn"),
            Map.entry("PERIOD_ENDED", "Hết kỳ thực hiện"),
            Map.entry("REVOKED", "Thu hồi văn bản"),
            // delegation_action
            Map.entry("CLAIM", "Nhận việc thay"),
            Map.entry("COMPLETE", "Hoàn thành thay"));

    private AuditLabels() {}

    public static String of(String action) {
        if (action != null && action.startsWith("LEADER_")) {
            return "Lãnh đạo UBND tỉnh xử lý việc quá hạn (" + action.substring("LEADER_".length()) + ")";
        }
        return LABELS.getOrDefault(action, action);
    }
}
