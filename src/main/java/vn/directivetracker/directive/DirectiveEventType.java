package vn.directivetracker.directive;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every kind of entry in a directive's history ({@code directive_event.event_type}): the only way the
 * journal is written ({@link DirectiveRepository#recordEvent}) and read. The code is what is stored
 * (the constant's name, kept as it was when codes were strings); the label is what the audit shows.
 */
public enum DirectiveEventType {
    // The draft and the letter (directive-issuance, directive-execution)
    SUBMITTED("Trình dự thảo"),
    REVIEW_APPROVED("Đồng ý dự thảo, trình ký"),
    REVIEW_RETURNED("Trả lại dự thảo"),
    REVISED("Chỉnh sửa dự thảo"),
    SIGNED("Ký ban hành"),
    SIGN_RETURNED("Trả lại, không ký"),
    REVOKED("Thu hồi văn bản"),
    DEADLINE_CHANGED("Điều chỉnh thời hạn"),
    AGENCY_ADDED("Thêm đơn vị thực hiện"),
    AGENCY_REMOVED("Bớt đơn vị thực hiện"),
    CLOSED("Kết thúc theo dõi"),
    // One agency's assignment (agency-assignment)
    ACKNOWLEDGED("Xác nhận tiếp nhận"),
    HEAD_APPROVED("Lãnh đạo đơn vị duyệt"),
    HEAD_RETURNED("Lãnh đạo đơn vị yêu cầu bổ sung"),
    RESULT_ACCEPTED("Chấp nhận kết quả"),
    RESULT_RETURNED("Trả lại kết quả"),
    OVERDUE("Quá hạn"),
    PERIOD_ENDED("Hết thời gian theo dõi"),
    EXTENSION_REQUESTED("Đề nghị gia hạn"),
    EXTENSION_APPROVED("Đồng ý gia hạn"),
    EXTENSION_REJECTED("Không đồng ý gia hạn"),
    LEADER_EXTEND("Lãnh đạo UBND tỉnh gia hạn"),
    LEADER_REASSIGN("Lãnh đạo UBND tỉnh giao đơn vị khác"),
    LEADER_REMIND("Lãnh đạo UBND tỉnh gửi văn bản đôn đốc");

    private static final Map<String, DirectiveEventType> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(DirectiveEventType::code, Function.identity()));

    private final String label;

    DirectiveEventType(String label) {
        this.label = label;
    }

    /** Stored in {@code directive_event.event_type}. */
    public String code() {
        return name();
    }

    /** Vietnamese, for the audit and the history. */
    public String label() {
        return label;
    }

    /** @throws IllegalStateException for a code no version of the application wrote */
    public static DirectiveEventType ofCode(String code) {
        DirectiveEventType type = BY_CODE.get(code);
        if (type == null) {
            throw new IllegalStateException("Unknown directive_event type " + code);
        }
        return type;
    }

    /** The type of a code, if it is one ({@code directive_event} codes share the audit with Camunda's operations). */
    public static java.util.Optional<DirectiveEventType> find(String code) {
        return java.util.Optional.ofNullable(BY_CODE.get(code));
    }

    /** The leader's decision on overdue work ({@code AgencyAssignmentProcess.EXTEND} etc.) as a journal entry. */
    public static DirectiveEventType leaderDecision(String decision) {
        return ofCode("LEADER_" + decision);
    }
}
