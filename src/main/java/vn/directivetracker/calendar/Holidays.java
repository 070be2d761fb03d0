package vn.directivetracker.calendar;

import java.time.LocalDate;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.directivetracker.common.NotFoundException;

/** The holiday calendar as administrators edit it (days off, swapped working days), without a redeploy. */
@Service
public class Holidays {

    private final HolidayRepository holidays;
    private final ApplicationEventPublisher events;

    Holidays(HolidayRepository holidays, ApplicationEventPublisher events) {
        this.holidays = holidays;
        this.events = events;
    }

    public List<Holiday> ofYear(int year) {
        return holidays.ofYear(year);
    }

    /** An administrator entering a day usually enters the announced plan: official unless said otherwise. */
    @Transactional
    public Holiday save(LocalDate date, DayType type, String name, boolean provisional, String changedBy) {
        Holiday holiday = new Holiday(date, type, name, provisional);
        holidays.save(holiday);
        replanTimers(changedBy);
        return holiday;
    }

    @Transactional
    public void delete(LocalDate date, String changedBy) {
        if (!holidays.delete(date)) {
            throw new NotFoundException("Ngày " + date + " không có trong lịch nghỉ");
        }
        replanTimers(changedBy);
    }

    /** Replaces or adds the days of a holiday file ({@link HolidayCsv}); a file with any bad line changes nothing. */
    @Transactional
    public int importFile(String csv, String changedBy) {
        List<Holiday> parsed = HolidayCsv.parse(csv, "csv");
        parsed.forEach(holidays::save);
        replanTimers(changedBy);
        return parsed.size();
    }

    /** Waiting reminder, overdue and escalation timers follow the edited calendar (WatchReplanner); deadlines stay. */
    private void replanTimers(String changedBy) {
        events.publishEvent(new HolidaysChanged(changedBy));
    }
}
