package vn.directivetracker.reporting.feed;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.directive.Directive;
import vn.directivetracker.directive.DirectiveService;
import vn.directivetracker.reporting.collection.ReportCollectionService;
import vn.directivetracker.reporting.collection.ReportPeriod;
import vn.directivetracker.reporting.collection.ReportPeriodRepository;
import vn.directivetracker.reporting.statistics.StatisticsFilter;
import vn.directivetracker.reporting.statistics.TrackedAssignment;
import vn.directivetracker.reporting.statistics.TrackedAssignments;
import vn.directivetracker.common.VnFormats;

/**
 * An agency's deadlines as iCalendar (RFC 5545) for Outlook and Thunderbird: one all-day event per
 * open assignment with a deadline and per periodic report the agency still owes. UIDs are stable
 * (assignment / report period ids), so a moved deadline moves the event in the subscriber's calendar
 * instead of adding a second one.
 */
@Component
public class AgencyCalendarFeed {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final TrackedAssignments assignments;
    private final ReportPeriodRepository periods;
    private final DirectiveService directives;
    private final Clocks clocks;

    public AgencyCalendarFeed(TrackedAssignments assignments, ReportPeriodRepository periods, DirectiveService directives,
            Clocks clocks) {
        this.assignments = assignments;
        this.periods = periods;
        this.directives = directives;
        this.clocks = clocks;
    }

    public String render(Agency agency) {
        String stamp = STAMP.format(clocks.now().atZone(clocks.zone()).withZoneSameInstant(ZoneOffset.UTC));
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Directive Tracker//Theo doi van ban chi dao//VI");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "X-WR-CALNAME:" + text("Thời hạn – " + agency.shortName()));
        line(ics, "X-WR-TIMEZONE:" + clocks.zone().getId());
        LocalDate today = clocks.today();
        List<TrackedAssignment> open = assignments.find(new StatisticsFilter(null, agency.code(), null, null, today)).stream()
                .filter(t -> t.deadline() != null && t.assignment().completedAt() == null && t.assignment().cancelledAt() == null)
                .toList();
        for (TrackedAssignment t : open) {
            event(ics, "assignment-" + t.assignment().id(), stamp, t.deadline(),
                    "Hạn nhiệm vụ: " + t.directiveNumber() + ", mục " + t.itemLabel(),
                    "Văn bản số " + t.directiveNumber() + " – " + t.directiveSubject() + "\nNhiệm vụ mục " + t.itemLabel()
                            + " giao " + agency.name());
        }
        for (ReportPeriod period : periods.owedBy(agency.code())) {
            Directive directive = directives.get(period.directiveId());
            event(ics, "report-" + period.id() + "-" + agency.code(), stamp, period.deadline(),
                    "Hạn nộp báo cáo: " + period.label() + " – " + directive.number(),
                    "Báo cáo " + period.label().toLowerCase() + " về Văn bản số " + directive.number() + " – "
                            + directive.subject() + "\nSố liệu tính đến ngày " + VnFormats.DATE.format(period.cutOff()));
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    private static void event(StringBuilder ics, String uid, String stamp, LocalDate day, String summary, String description) {
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + uid + "@directive-tracker");
        line(ics, "DTSTAMP:" + stamp);
        line(ics, "DTSTART;VALUE=DATE:" + DAY.format(day));
        line(ics, "DTEND;VALUE=DATE:" + DAY.format(day.plusDays(1)));
        line(ics, "SUMMARY:" + text(summary));
        line(ics, "DESCRIPTION:" + text(description));
        line(ics, "TRANSP:TRANSPARENT");
        line(ics, "END:VEVENT");
    }

    /** TEXT escaping of RFC 5545 §3.3.11. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
    }

    /**
     * Content lines end in CRLF and are folded at 75 octets (§3.1) — counted in UTF-8 bytes and never
     * inside a character, which matters for Vietnamese.
     */
    static void line(StringBuilder ics, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                ics.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            ics.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        ics.append("\r\n");
    }
}
