package vn.directivetracker.directive;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.FieldViolation;
import vn.directivetracker.common.InvalidRequestException;

/** The rules of a draft that need the registry or today's date. Collects every violation at once. */
@Component
class DirectiveRequestValidator {

    private final AgencyRegistry registry;
    private final Clocks clocks;

    DirectiveRequestValidator(AgencyRegistry registry, Clocks clocks) {
        this.registry = registry;
        this.clocks = clocks;
    }

    /** A directive plans work for a term of office at most; a later date is a typing error. */
    static final int MAX_YEARS_AHEAD = 10;

    void validate(DirectiveRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        checkCodes("recipients", request.recipients(), violations);
        // Labels counted once (a HashMap), not compared pairwise: a large body costs linear time.
        java.util.Map<String, Long> labelCounts = request.items().stream().collect(
                java.util.stream.Collectors.groupingBy(DirectiveRequest.Item::label, java.util.stream.Collectors.counting()));
        for (int i = 0; i < request.items().size(); i++) {
            DirectiveRequest.Item item = request.items().get(i);
            String prefix = "items[" + i + "]";
            checkCodes(prefix + ".leadAgencies", item.leadAgencies(), violations);
            checkCodes(prefix + ".coordinatingAgencies", item.coordinating(), violations);
            checkDeadline(prefix, item, violations);
            if (labelCounts.get(item.label()) > 1) {
                violations.add(new FieldViolation(prefix + ".label", "Số thứ tự mục '" + item.label() + "' bị trùng"));
            }
        }
        if (request.periodEnd() != null && !request.periodEnd().isAfter(clocks.today())) {
            violations.add(new FieldViolation("periodEnd", "Thời điểm kết thúc kỳ thực hiện phải sau hôm nay"));
        } else if (request.periodEnd() != null && request.periodEnd().isAfter(clocks.today().plusYears(MAX_YEARS_AHEAD))) {
            violations.add(new FieldViolation("periodEnd", "Thời điểm kết thúc kỳ thực hiện không được quá "
                    + MAX_YEARS_AHEAD + " năm kể từ hôm nay"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    private void checkCodes(String field, List<String> codes, List<FieldViolation> violations) {
        for (int j = 0; j < codes.size(); j++) {
            String code = codes.get(j);
            if (code != null && !code.isBlank() && !registry.isKnown(code)) {
                violations.add(new FieldViolation(field + "[" + j + "]", "Không có đơn vị hoặc nhóm đơn vị mã '" + code + "'"));
            }
        }
    }

    private void checkDeadline(String prefix, DirectiveRequest.Item item, List<FieldViolation> violations) {
        int forms = (item.deadline() != null ? 1 : 0) + (item.deadlineWorkingDays() != null ? 1 : 0) + (item.ongoing() ? 1 : 0);
        if (forms != 1) {
            violations.add(new FieldViolation(prefix + ".deadline",
                    "Chọn đúng một trong: hạn là ngày (deadline), số ngày làm việc (deadlineWorkingDays) hoặc thường xuyên (ongoing)"));
        }
        // The earliest a draft can be issued is today: a deadline on or before it is already missed.
        if (item.deadline() != null && !item.deadline().isAfter(clocks.today())) {
            violations.add(new FieldViolation(prefix + ".deadline",
                    "Hạn xử lý " + item.deadline() + " phải sau ngày ban hành (sớm nhất là hôm nay, " + clocks.today() + ")"));
        } else if (item.deadline() != null && item.deadline().isAfter(clocks.today().plusYears(MAX_YEARS_AHEAD))) {
            violations.add(new FieldViolation(prefix + ".deadline",
                    "Hạn xử lý không được quá " + MAX_YEARS_AHEAD + " năm kể từ hôm nay"));
        }
        if (item.reportSchedule() != null && !item.ongoing()) {
            violations.add(new FieldViolation(prefix + ".reportSchedule", "Chỉ nhiệm vụ thường xuyên mới có kỳ báo cáo"));
        }
    }
}
