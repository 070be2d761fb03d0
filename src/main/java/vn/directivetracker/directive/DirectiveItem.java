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

    /**
     * What an email about one assignment shows of its item (issue 11, ADR 25): its label and text,
     * read by id without the item's responsible list (up to every agency of the registry).
     */
    public record Heading(String label, String content) {}

    /** An agency or set code as written in the item, with its role. */
    public record Responsible(String code, ResponsibleRole role) {}
}
