package vn.directivetracker.assignment;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.directivetracker.directive.DirectiveEvents;
import vn.directivetracker.directive.DirectiveRepository;

/**
 * What a directive's life means for its assignments. Plain, synchronous {@code @EventListener}s: they
 * run in the publishing step's transaction, so a step that rolls back plans or cancels nothing
 * (docs/adr/0010-dependency-direction-and-domain-events.md).
 */
@Component
class DirectiveReactions {

    private final AssignmentPlanner planner;
    private final AssignmentRepository assignments;
    private final DirectiveRepository directives;

    DirectiveReactions(AssignmentPlanner planner, AssignmentRepository assignments, DirectiveRepository directives) {
        this.planner = planner;
        this.assignments = assignments;
        this.directives = directives;
    }

    /** Idempotent: a retried issuing job publishes it again and only missing assignments are added. */
    @EventListener
    void on(DirectiveEvents.Issuing issuing) {
        planner.plan(issuing.directiveId(), directives.items(issuing.directiveId()), issuing.issueDate());
    }

    @EventListener
    void on(DirectiveEvents.RevocationRecorded revocation) {
        assignments.cancelOpen(revocation.directiveId(), revocation.at());
    }
}
