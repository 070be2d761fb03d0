package vn.directivetracker.notification;

import org.springframework.stereotype.Component;

/**
 * Renders an outbox row's bodies from its stored model (ADR 21): the dispatcher just before sending,
 * and the outbox view for rows not sent yet. Rows written before V34 carry their bodies already.
 */
@Component
class MailBodies {

    private final MailTemplates templates;

    MailBodies(MailTemplates templates) {
        this.templates = templates;
    }

    /** The row with its text and HTML, rendered now if it has only its model. */
    OutboxRow complete(OutboxRow row) {
        if (row.text() != null) {
            return row;
        }
        MailTemplates.Rendered body = render(row.eventType(), row.model());
        return new OutboxRow(row.id(), row.dedupKey(), row.eventType(), row.recipient(), row.subject(), body.text(),
                body.html(), row.attempts(), row.model());
    }

    MailTemplates.Rendered render(String eventType, String model) {
        if (model == null) {
            throw new IllegalStateException("Outbox row has neither bodies nor a model");
        }
        return templates.render(MailEvent.valueOf(eventType).key(), MailModel.decode(model));
    }
}
