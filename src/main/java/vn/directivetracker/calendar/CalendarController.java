package vn.directivetracker.calendar;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.directivetracker.common.CurrentActor;

/**
 * Working days for everyone; the holiday calendar is edited by administrators (Camunda group
 * {@code camunda-admin}) without a redeploy, e.g. when the Prime Minister announces next year's swaps.
 */
@RestController
@RequestMapping("/api/calendar")
@Validated
class CalendarController {

    private static final String ADMIN_GROUP = "camunda-admin";

    private final WorkingDayCalendar calendar;
    private final Holidays holidays;
    private final CurrentActor actor;

    CalendarController(WorkingDayCalendar calendar, Holidays holidays, CurrentActor actor) {
        this.calendar = calendar;
        this.holidays = holidays;
        this.actor = actor;
    }

    @GetMapping("/add-working-days")
    Map<String, LocalDate> addWorkingDays(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @Min(value = 0, message = "Số ngày làm việc không được âm") @Max(3650) int days) {
        return Map.of("date", calendar.addWorkingDays(from, days));
    }

    @GetMapping("/holidays")
    List<Holiday> holidays(@RequestParam @Min(1900) @Max(2200) int year) {
        return holidays.ofYear(year);
    }

    record HolidayChange(@NotNull(message = "Chưa chọn loại ngày (OFF hoặc WORKDAY)") DayType type,
            @NotBlank(message = "Chưa có tên ngày") @Size(max = 255) String name) {}

    @PutMapping("/holidays/{date}")
    Holiday save(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Valid @RequestBody HolidayChange change) {
        requireAdmin();
        return holidays.save(date, change.type(), change.name());
    }

    @DeleteMapping("/holidays/{date}")
    ResponseEntity<Void> delete(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        requireAdmin();
        holidays.delete(date);
        return ResponseEntity.noContent().build();
    }

    /** Replaces or adds the days of a holiday file ({@code date;type;name}); a file with any bad line changes nothing. */
    @PostMapping(path = "/holidays/import", consumes = {MediaType.TEXT_PLAIN_VALUE, "text/csv"})
    Map<String, Integer> importFile(@RequestBody String csv) {
        requireAdmin();
        return Map.of("imported", holidays.importFile(csv));
    }

    private void requireAdmin() {
        actor.requireMemberOf(ADMIN_GROUP, "Chỉ quản trị hệ thống được sửa lịch ngày nghỉ");
    }
}
