package vn.directivetracker.reporting.dashboard;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.directivetracker.agency.AgencyKind;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.reporting.ReportingAccess;

/** The leaders' dashboard, server-rendered: {@code /dashboard/} (HTTP Basic, coordinators and leaders). */
@Controller
class DashboardController {

    static final java.util.Map<AgencyKind, String> KIND_LABELS = new java.util.EnumMap<>(java.util.Map.of(
            AgencyKind.DEPARTMENT, "Sở, ban, ngành",
            AgencyKind.PROVINCIAL_UNIT, "Đơn vị cấp tỉnh",
            AgencyKind.WARD, "Phường",
            AgencyKind.COMMUNE, "Xã"));

    private final DashboardService dashboard;
    private final ReportingAccess access;
    private final Clocks clocks;

    DashboardController(DashboardService dashboard, ReportingAccess access, Clocks clocks) {
        this.dashboard = dashboard;
        this.access = access;
        this.clocks = clocks;
    }

    @GetMapping({"/dashboard", "/dashboard/"})
    String show(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) AgencyKind kind,
            @RequestParam(required = false) Long directiveId,
            Model model) {
        access.requireOverview();
        vn.directivetracker.common.ReferenceDates.check("asOf", asOf);
        model.addAttribute("view", dashboard.build(asOf != null ? asOf : clocks.today(), kind, directiveId));
        model.addAttribute("legend", DashboardView.LEGEND);
        model.addAttribute("kinds", KIND_LABELS);
        return "dashboard/index";
    }
}
