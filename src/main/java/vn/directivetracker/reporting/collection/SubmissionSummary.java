package vn.directivetracker.reporting.collection;

import static vn.directivetracker.common.VnFormats.DATE;

import java.util.List;
import java.util.stream.Collectors;
import vn.directivetracker.reporting.collection.ReportSubmission.SubmissionStatus;

/**
 * Who submitted on time (approved by the agency head on or before the deadline), who late, who is
 * missing — the summary the coordinator consolidates from.
 */
public record SubmissionSummary(
        ReportPeriod period,
        List<ReportSubmission> onTime,
        List<ReportSubmission> late,
        List<ReportSubmission> missing) {

    public static SubmissionSummary of(ReportPeriod period, List<ReportSubmission> submissions) {
        List<ReportSubmission> submitted = submissions.stream().filter(s -> s.submittedAt() != null).toList();
        return new SubmissionSummary(period,
                submitted.stream().filter(s -> !isLate(period, s)).toList(),
                submitted.stream().filter(s -> isLate(period, s)).toList(),
                submissions.stream().filter(s -> s.status() != SubmissionStatus.SUBMITTED).toList());
    }

    public static boolean isLate(ReportPeriod period, ReportSubmission submission) {
        return submission.submittedAt() != null && submission.submittedAt().toLocalDate().isAfter(period.deadline());
    }

    /** Plain Vietnamese text for the coordinator's form. */
    public String text() {
        return "Kỳ báo cáo: " + period.label()
                + "\nSố liệu " + (period.start() == null ? "đến ngày " : "từ ngày " + DATE.format(period.start()) + " đến ngày ")
                + DATE.format(period.cutOff()) + "; hạn nộp " + DATE.format(period.deadline())
                + "\n\nNộp đúng hạn (" + onTime.size() + "): " + withDates(onTime)
                + "\nNộp quá hạn (" + late.size() + "): " + withDates(late)
                + "\nChưa nộp (" + missing.size() + "): " + names(missing);
    }

    private static String withDates(List<ReportSubmission> submissions) {
        return submissions.isEmpty() ? "không có" : submissions.stream()
                .map(s -> s.agencyName() + " (" + DATE.format(s.submittedAt()) + ")")
                .collect(Collectors.joining("; "));
    }

    private static String names(List<ReportSubmission> submissions) {
        return submissions.isEmpty() ? "không có"
                : submissions.stream().map(ReportSubmission::agencyName).collect(Collectors.joining("; "));
    }
}
