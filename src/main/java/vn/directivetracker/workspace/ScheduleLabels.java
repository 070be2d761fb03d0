package vn.directivetracker.workspace;

import java.util.EnumMap;
import java.util.Map;
import vn.directivetracker.directive.ReportSchedule;

/** Vietnamese names of the report schedules of ongoing items. */
final class ScheduleLabels {

    static final Map<ReportSchedule, String> LABELS = new EnumMap<>(Map.of(
            ReportSchedule.MONTHLY, "hằng tháng",
            ReportSchedule.QUARTERLY, "hằng quý",
            ReportSchedule.HALF_YEARLY, "6 tháng",
            ReportSchedule.YEARLY, "hằng năm"));

    private ScheduleLabels() {}

    static String of(ReportSchedule schedule) {
        return LABELS.get(schedule);
    }
}
