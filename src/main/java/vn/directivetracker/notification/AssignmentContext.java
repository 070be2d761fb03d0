package vn.directivetracker.notification;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentService;
import vn.directivetracker.directive.Directive;
import vn.directivetracker.directive.DirectiveItem;
import vn.directivetracker.common.VnFormats;

/** One assignment with what every email about it shows: the directive, the item, the agency, the deadline. */
record AssignmentContext(Assignment assignment, Directive directive, DirectiveItem item, Agency agency) {


    /** "Văn bản số 15/UBND-KGVX, mục 2": how a subject line names the assignment. */
    String reference() {
        return "Văn bản số " + directive.number() + ", mục " + item.label();
    }

    String deadlineLabel() {
        return AssignmentService.deadlineLabel(assignment);
    }

    /** The model of templates/mail/_assignment.html|.txt, plus the ids. */
    Map<String, Object> model() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("directive", directive);
        model.put("item", item);
        model.put("agencyName", agency.name());
        model.put("roleLabel", assignment.role().label());
        model.put("deadlineLabel", deadlineLabel());
        return model;
    }
}
