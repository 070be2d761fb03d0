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
record AssignmentContext(Assignment assignment, Directive directive, DirectiveItem.Heading item, Agency agency) {


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
        // Only what the templates read (ADR 25): the stored model is encoded in the step's transaction and
        // decoded at dispatch for every email, and the whole directive (legal basis, copies, closing text…)
        // with the item's list of up to ~150 responsible agencies made it several kB per reminder.
        model.put("directive", directiveShown(directive));
        model.put("item", item);
        model.put("agencyName", agency.name());
        model.put("roleLabel", assignment.role().label());
        // A lead agency did the work ("đã thực hiện"); a coordinating one supported it ("đã phối hợp thực hiện").
        model.put("lead", assignment.role() == vn.directivetracker.directive.ResponsibleRole.LEAD);
        model.put("deadlineLabel", deadlineLabel());
        return model;
    }

    /**
     * The directive's fields the mail templates show (templates/mail: number, subject, issue date,
     * signer): every email's model about a letter holds these, not the whole record (ADR 25, ADR 30).
     */
    static Map<String, Object> directiveShown(Directive directive) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("number", directive.number());
        shown.put("subject", directive.subject());
        shown.put("issueDate", directive.issueDate());
        shown.put("signerTitle", directive.signerTitle());
        shown.put("signerName", directive.signerName());
        return shown;
    }
}
