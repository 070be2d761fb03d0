package vn.directivetracker.workspace;

import java.util.EnumMap;
import java.util.Map;
import vn.directivetracker.directive.DirectiveStatus;

/** Vietnamese names of a directive's states, in the wording of the issuance process. */
final class StatusLabels {

    static final Map<DirectiveStatus, String> DIRECTIVE = new EnumMap<>(Map.of(
            DirectiveStatus.IN_REVIEW, "Đang kiểm tra dự thảo",
            DirectiveStatus.RETURNED_FOR_REVISION, "Trả lại để chỉnh sửa",
            DirectiveStatus.AWAITING_SIGNATURE, "Chờ ký",
            DirectiveStatus.AWAITING_ISSUE, "Chờ vào số, phát hành",
            DirectiveStatus.ISSUED, "Đang thực hiện",
            DirectiveStatus.CLOSED, "Đã kết thúc",
            DirectiveStatus.REVOKED, "Đã thu hồi"));

    private StatusLabels() {}
}
