package vn.directivetracker.common;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * "Today" and "now" in the province's time zone, read from the engine's clock so that tests which
 * move Camunda's clock move ours too. Deadlines are calendar dates in Vietnam, whatever time zone
 * the server runs in.
 */
@Component
public class Clocks {

    private final ZoneId zone;

    public Clocks(TrackerProperties properties) {
        this.zone = properties.timeZone();
    }

    public LocalDateTime now() {
        return LocalDateTime.ofInstant(ClockUtil.now().toInstant(), zone);
    }

    public LocalDate today() {
        return now().toLocalDate();
    }

    public ZoneId zone() {
        return zone;
    }
}
