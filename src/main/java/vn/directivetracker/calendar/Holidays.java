package vn.directivetracker.calendar;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.directivetracker.common.NotFoundException;

/** The holiday calendar as administrators edit it (days off, swapped working days), without a redeploy. */
@Service
public class Holidays {

    private final HolidayRepository holidays;

    Holidays(HolidayRepository holidays) {
        this.holidays = holidays;
    }

    public List<Holiday> ofYear(int year) {
        return holidays.ofYear(year);
    }

    public Holiday save(LocalDate date, DayType type, String name) {
        Holiday holiday = new Holiday(date, type, name);
        holidays.save(holiday);
        return holiday;
    }

    public void delete(LocalDate date) {
        if (!holidays.delete(date)) {
            throw new NotFoundException("Ngày " + date + " không có trong lịch nghỉ");
        }
    }

    /** Replaces or adds the days of a holiday file ({@link HolidayCsv}); a file with any bad line changes nothing. */
    @Transactional
    public int importFile(String csv) {
        List<Holiday> parsed = HolidayCsv.parse(csv, "csv");
        parsed.forEach(holidays::save);
        return parsed.size();
    }
}
