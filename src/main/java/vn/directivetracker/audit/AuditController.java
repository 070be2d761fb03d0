package vn.directivetracker.audit;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.FieldViolation;
import vn.directivetracker.common.InvalidRequestException;

/**
 * {@code GET /api/audit}: who started, claimed, completed, returned, acted for whom — for
 * coordinators and leaders (the rule on {@code /api/audit} in access.SecurityConfig). Either one directive
 * ({@code directiveId}) or a period ({@code from}, {@code to}, default the last 7 days), optionally one
 * user ({@code userId}); at most {@code limit} entries (default 200, at most 1000), the latest.
 */
@RestController
class AuditController {

    private final AuditTrail trail;
    private final Clocks clocks;

    AuditController(AuditTrail trail, Clocks clocks) {
        this.trail = trail;
        this.clocks = clocks;
    }

    @GetMapping("/api/audit")
    List<AuditEntry> audit(
            @RequestParam(required = false) Long directiveId,
            @RequestParam(required = false) String userId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "200") int limit) {
        int max = Math.max(1, Math.min(limit, 1000));
        if (directiveId != null) {
            return trail.ofDirective(directiveId, max);
        }
        LocalDate end = to == null ? clocks.today() : to;
        LocalDate start = from == null ? end.minusDays(7) : from;
        if (end.isBefore(start)) {
            throw new InvalidRequestException(List.of(new FieldViolation("to", "Ngày kết thúc phải từ ngày bắt đầu trở đi")));
        }
        return trail.between(userId == null || userId.isBlank() ? null : userId, start, end, max);
    }
}
