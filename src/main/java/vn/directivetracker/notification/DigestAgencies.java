package vn.directivetracker.notification;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.AgencyRegistry;

/** The agencies that chose the morning digest ({@code directive-tracker.mail.digest.agencies}, sets expanded). */
@Component
class DigestAgencies {

    private final AgencyRegistry registry;
    private final List<String> configured;

    DigestAgencies(AgencyRegistry registry, MailSettings settings) {
        this.registry = registry;
        this.configured = settings.digest().agencies();
    }

    /** Read at each use, not at start-up: the registry is imported after the context has started. */
    List<String> all() {
        return configured.isEmpty() ? List.of() : registry.expand(configured);
    }

    boolean includes(String agencyCode) {
        return !configured.isEmpty() && all().contains(agencyCode);
    }
}
