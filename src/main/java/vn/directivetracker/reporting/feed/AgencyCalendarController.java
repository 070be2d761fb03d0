package vn.directivetracker.reporting.feed;

import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.common.NotFoundException;
import vn.directivetracker.reporting.ReportingAccess;

/** {@code GET /api/agencies/{code}/calendar.ics}: subscribe with the same account as Tasklist. */
@RestController
class AgencyCalendarController {

    private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final AgencyCalendarFeed feed;
    private final AgencyRegistry registry;
    private final ReportingAccess access;

    AgencyCalendarController(AgencyCalendarFeed feed, AgencyRegistry registry, ReportingAccess access) {
        this.feed = feed;
        this.registry = registry;
        this.access = access;
    }

    @GetMapping("/api/agencies/{code}/calendar.ics")
    ResponseEntity<String> calendar(@PathVariable String code) {
        Agency agency = registry.byCodes(Set.of(code)).get(code);
        if (agency == null) {
            throw new NotFoundException("Không có đơn vị mã " + code);
        }
        access.requireVisible(access.visibleAgencies(), code);
        return ResponseEntity.ok().contentType(CALENDAR).body(feed.render(agency));
    }
}
