package vn.directivetracker.calendar;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/calendar")
@Validated
class CalendarController {

    private final WorkingDayCalendar calendar;

    CalendarController(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/add-working-days")
    Map<String, LocalDate> addWorkingDays(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @Min(0) @Max(3650) int days) {
        return Map.of("date", calendar.addWorkingDays(from, days));
    }
}
