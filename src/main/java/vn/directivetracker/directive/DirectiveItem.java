package vn.directivetracker.directive;

import java.time.LocalDate;
import java.util.List;

public record DirectiveItem(
        long id,
        long directiveId,
        int position,
        String label,
        String content,
        LocalDate deadline,
        Integer deadlineWorkingDays,
        boolean ongoing,
        ReportSchedule reportSchedule,
        List<Responsible> responsible) {

    /** An agency or set code as written in the item, with its role. */
    public record Responsible(String code, ResponsibleRole role) {}
}
