package vn.directivetracker.workspace;

import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.directivetracker.calendar.DayType;
import vn.directivetracker.calendar.Holidays;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.FieldViolation;
import vn.directivetracker.common.InvalidRequestException;

/** "Ngày nghỉ" (administrators): a year's holidays and swapped working days, added and removed ({@link Holidays}, as /api/calendar). */
@Controller
class HolidayPageController {

    private final Holidays holidays;
    private final WorkspaceUser user;
    private final Clocks clocks;

    HolidayPageController(Holidays holidays, WorkspaceUser user, Clocks clocks) {
        this.holidays = holidays;
        this.user = user;
        this.clocks = clocks;
    }

    @GetMapping("/app/holidays")
    String list(@RequestParam(required = false) Integer year, Model model) {
        user.requireAdministrator();
        int shown = year != null && year >= 1990 && year <= 2200 ? year : clocks.today().getYear();
        model.addAttribute("year", shown);
        model.addAttribute("days", holidays.ofYear(shown));
        return "app/holidays";
    }

    @PostMapping("/app/holidays")
    String add(@RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "OFF") DayType type,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "false") boolean provisional,
            RedirectAttributes flash) {
        user.requireAdministrator();
        LocalDate[] day = new LocalDate[1];
        ActionResults.run(flash, "Đã lưu ngày " + date + ".", () -> {
            day[0] = FormValues.date(date);
            if (day[0] == null || name.isBlank() || name.length() > 255) {
                throw new InvalidRequestException(java.util.List.of(new FieldViolation("name",
                        day[0] == null ? "Chưa có ngày" : "Tên ngày nghỉ phải có, tối đa 255 ký tự")));
            }
            holidays.save(day[0], type, name.strip(), provisional, user.id());
        });
        return "redirect:/app/holidays" + (day[0] == null ? "" : "?year=" + day[0].getYear());
    }

    @PostMapping("/app/holidays/delete")
    String delete(@RequestParam String date, RedirectAttributes flash) {
        user.requireAdministrator();
        LocalDate day;
        try {
            day = FormValues.date(date);
        } catch (FormValues.BadDate bad) {
            day = null;
        }
        if (day == null) {
            flash.addFlashAttribute("actionError", "Ngày không hợp lệ");
            return "redirect:/app/holidays";
        }
        LocalDate chosen = day;
        ActionResults.run(flash, "Đã xóa ngày " + FormValues.format(day) + ".", () -> {
            holidays.delete(chosen, user.id());
        });
        return "redirect:/app/holidays?year=" + day.getYear();
    }
}
