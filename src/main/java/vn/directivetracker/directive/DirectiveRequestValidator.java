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

    void validate(DirectiveRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        checkCodes("recipients", request.recipients(), violations);
        for (int i = 0; i < request.items().size(); i++) {
            DirectiveRequest.Item item = request.items().get(i);
            String prefix = "items[" + i + "]";
            checkCodes(prefix + ".leadAgencies", item.leadAgencies(), violations);
            checkCodes(prefix + ".coordinatingAgencies", item.coordinating(), violations);
            checkDeadline(prefix, item, violations);
            if (request.items().stream().filter(other -> other.label().equals(item.label())).count() > 1) {
                violations.add(new FieldViolation(prefix + ".label", "Số thứ tự mục '" + item.label() + "' bị trùng"));
            }
        }
        if (request.periodEnd() != null && !request.periodEnd().isAfter(clocks.today())) {
            violations.add(new FieldViolation("periodEnd", "Thời điểm kết thúc kỳ thực hiện phải sau hôm nay"));
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
        }
        if (item.reportSchedule() != null && !item.ongoing()) {
            violations.add(new FieldViolation(prefix + ".reportSchedule", "Chỉ nhiệm vụ thường xuyên mới có kỳ báo cáo"));
        }
    }
}
