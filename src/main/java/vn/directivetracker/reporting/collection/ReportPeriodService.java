package vn.directivetracker.reporting.collection;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import vn.directivetracker.common.ConflictException;
import vn.directivetracker.common.FieldViolation;
import vn.directivetracker.common.InvalidRequestException;
import vn.directivetracker.common.NotFoundException;
import vn.directivetracker.directive.Directive;
import vn.directivetracker.directive.DirectiveRepository;
import vn.directivetracker.directive.DirectiveStatus;
import vn.directivetracker.reporting.ReportingPeriod;
import vn.directivetracker.reporting.ReportingPeriods;

/**
 * The rules of a directive's report collections: when a coordinator may request a report (an issued
 * directive, a period not yet collected, agencies still at work), which period or cut-off it names and
 * its deadline (Nghị định 09/2019/NĐ-CP), and what came in per period.
 */
@Service
public class ReportPeriodService {

    private final ReportCollectionService collection;
    private final ReportPeriodRepository periods;
    private final DirectiveRepository directives;
    private final SubmissionDeadlines deadlines;

    ReportPeriodService(ReportCollectionService collection, ReportPeriodRepository periods, DirectiveRepository directives,
            SubmissionDeadlines deadlines) {
        this.collection = collection;
        this.periods = periods;
        this.directives = directives;
        this.deadlines = deadlines;
    }

    /** A collection opened on request, and the agencies asked to report. */
    public record Opened(ReportPeriod period, List<String> agencies) {}

    /**
     * Opens an ad-hoc or periodic collection for the directive.
     *
     * @param periodCode a Nghị định 09 period code ({@code 2026-Q4}); or
     * @param cutOff     an ad-hoc request's cut-off date, with an optional {@code deadline} (default: the
     *                   configured number of working days after it)
     */
    public Opened request(long id, String periodCode, LocalDate cutOff, LocalDate deadline, String requestedBy) {
        Directive directive = directive(id);
        ReportCollectionService.Request request = validate(periodCode, cutOff, deadline);
        if (directive.status() != DirectiveStatus.ISSUED) {
            throw new ConflictException("Chỉ yêu cầu báo cáo đối với văn bản đã ban hành và đang theo dõi");
        }
        if (periods.find(id, request.code()).isPresent()) {
            throw new ConflictException("Văn bản đã có kỳ báo cáo " + request.label());
        }
        List<String> agencies = collection.agenciesWithOpenWork(id);
        if (agencies.isEmpty()) {
            throw new ConflictException("Không còn đơn vị nào đang thực hiện nhiệm vụ của văn bản");
        }
        return new Opened(collection.open(id, request, agencies, requestedBy)
                .orElseThrow(() -> new ConflictException("Văn bản đã có kỳ báo cáo " + request.label())), agencies);
    }

    public List<ReportPeriod> ofDirective(long directiveId) {
        directive(directiveId);
        return periods.ofDirective(directiveId);
    }

    public ReportPeriod get(long reportPeriodId) {
        return periods.get(reportPeriodId);
    }

    public List<ReportSubmission> submissions(long reportPeriodId) {
        return periods.submissions(reportPeriodId);
    }

    private Directive directive(long id) {
        return directives.find(id).orElseThrow(() -> new NotFoundException("Không có văn bản " + id));
    }

    private ReportCollectionService.Request validate(String periodCode, LocalDate cutOff, LocalDate deadline) {
        if ((periodCode == null) == (cutOff == null)) {
            throw new InvalidRequestException(List.of(new FieldViolation("period",
                    "Cần đúng một trong hai: period (kỳ báo cáo) hoặc cutOff (ngày chốt số liệu)")));
        }
        if (periodCode != null) {
            ReportingPeriod period = ReportingPeriods.require(periodCode);
            return deadline == null ? collection.request(period)
                    : validDeadline(ReportCollectionService.Request.of(period, deadline));
        }
        LocalDate due = deadline != null ? deadline
                : deadlines.deadline(new ReportingPeriod(null, null, null, null, cutOff));
        return validDeadline(ReportCollectionService.Request.adHoc(cutOff, due));
    }

    private static ReportCollectionService.Request validDeadline(ReportCollectionService.Request request) {
        if (!request.deadline().isAfter(request.cutOff())) {
            throw new InvalidRequestException(List.of(new FieldViolation("deadline",
                    "Hạn nộp phải sau ngày chốt số liệu (Nghị định 09/2019/NĐ-CP)")));
        }
        return request;
    }
}
