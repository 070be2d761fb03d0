package vn.directivetracker.workspace;

import java.util.Map;

/** Vietnamese names of an assignment's phase (AssignmentPhase), as agencies know the steps. */
final class PhaseLabels {

    private static final Map<String, String> LABELS = Map.of(
            "RECEIVED", "Chờ tiếp nhận",
            "IN_PROGRESS", "Đang thực hiện",
            "AWAITING_HEAD_APPROVAL", "Chờ lãnh đạo đơn vị duyệt",
            "AWAITING_REVIEW", "Chờ xem xét kết quả",
            "COMPLETED", "Hoàn thành",
            "CANCELLED", "Đã hủy");

    private PhaseLabels() {}

    static String of(String phase) {
        return LABELS.getOrDefault(phase, phase);
    }
}
