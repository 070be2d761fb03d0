package vn.directivetracker.workspace;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.agency.AgencyScope;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.assignment.AssignmentStatuses;
import vn.directivetracker.assignment.StatusBucket;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.TrackerProperties;
import vn.directivetracker.directive.Directive;
import vn.directivetracker.directive.DirectiveEvent;
import vn.directivetracker.directive.DirectiveItem;
import vn.directivetracker.directive.DirectiveRepository;
import vn.directivetracker.directive.DirectiveService;
import vn.directivetracker.directive.DirectiveStatus;
import vn.directivetracker.directive.ResponsibleRole;

/**
 * What "Chi tiết văn bản" shows: the letter as issued, every assignment the user may see (the agency
 * rule of {@code GET /api/directives/{id}}) with its status and links into Tasklist and Cockpit, and
 * the history an agency may read.
 */
@Component
class DirectiveDetails {

    public record Row(long id, String itemLabel, String agencyCode, String agencyName, String role, String phase,
            StatusBucket bucket, String statusLabel, boolean dueSoon, LocalDate deadline, long daysLate,
            int workingDaysLate, String taskUrl, String processUrl) {}

    public record Item(String label, String content, String deadline, List<String> lead, List<String> coordinating) {}

    public record Event(java.time.LocalDateTime at, String actor, String label, String agency, String comment) {}

    private final DirectiveService directives;
    private final DirectiveRepository repository;
    private final AssignmentRepository assignments;
    private final AssignmentStatuses statuses;
    private final AgencyRegistry registry;
    private final WorkingDayCalendar calendar;
    private final TaskService taskService;
    private final WorkspaceUser user;
    private final WorkspaceLinks links;
    private final Clocks clocks;
    private final TrackerProperties properties;

    DirectiveDetails(DirectiveService directives, DirectiveRepository repository, AssignmentRepository assignments,
            AssignmentStatuses statuses, AgencyRegistry registry, WorkingDayCalendar calendar, TaskService taskService,
            WorkspaceUser user, WorkspaceLinks links, Clocks clocks, TrackerProperties properties) {
        this.directives = directives;
        this.repository = repository;
        this.assignments = assignments;
        this.statuses = statuses;
        this.registry = registry;
        this.calendar = calendar;
        this.taskService = taskService;
        this.user = user;
        this.links = links;
        this.clocks = clocks;
        this.properties = properties;
    }

    Map<String, Object> build(long id) {
        Map<String, Object> model = new LinkedHashMap<>();
        Directive directive = directives.get(id);
        AgencyScope scope = user.scope();
        List<Assignment> visible = scope.visible(assignments.ofDirective(id), Assignment::agencyCode);
        List<DirectiveItem> items = repository.items(id);
        Map<Long, String> labels = items.stream().collect(Collectors.toMap(DirectiveItem::id, DirectiveItem::label));
        Map<String, Agency> agencies = registry.byCodes(visible.stream().map(Assignment::agencyCode).distinct().toList());
        LocalDate today = clocks.today();
        Map<String, String> tasks = openTasks(visible);
        List<Row> rows = visible.stream().map(a -> row(a, labels, agencies, tasks, today)).toList();
        model.put("d", directive);
        model.put("statusLabel", StatusLabels.DIRECTIVE.get(directive.status()));
        model.put("issuingBody", properties.issuingBody());
        model.put("recipients", repository.recipients(id).stream().map(this::name).toList());
        model.put("items", items.stream().map(this::item).toList());
        model.put("rows", rows);
        model.put("summary", rows.stream().collect(Collectors.groupingBy(Row::statusLabel, LinkedHashMap::new, Collectors.counting())));
        model.put("itemLabels", items.stream().map(DirectiveItem::label).toList());
        model.put("events", events(id, scope, visible, agencies));
        model.put("canAct", user.coordinator() && directive.status() == DirectiveStatus.ISSUED);
        model.put("processUrl", links.processInstance(
                directive.executionProcessInstanceId() != null ? directive.executionProcessInstanceId() : directive.issuanceProcessInstanceId()));
        model.put("provinceWide", scope.provinceWide());
        return model;
    }


    private Row row(Assignment a, Map<Long, String> labels, Map<String, Agency> agencies, Map<String, String> tasks, LocalDate today) {
        AssignmentStatuses.Status status = statuses.of(a, today);
        boolean late = status.bucket() == StatusBucket.IN_PROGRESS_OVERDUE;
        Agency agency = agencies.get(a.agencyCode());
        return new Row(a.id(), labels.get(a.itemId()), a.agencyCode(), agency == null ? a.agencyCode() : agency.name(),
                a.role() == ResponsibleRole.LEAD ? "Chủ trì" : "Phối hợp", PhaseLabels.of(a.phase().name()),
                status.bucket(), status.bucket().label(), status.dueSoon(), a.deadline(),
                late ? ChronoUnit.DAYS.between(a.deadline(), today) : 0,
                late ? calendar.workingDaysBetween(a.deadline(), today) : 0,
                links.task(a.processInstanceId() == null ? null : tasks.get(a.processInstanceId())),
                links.processInstance(a.processInstanceId()));
    }

    /** One engine query for the open task of every shown assignment (the engine's own rules decide what is visible). */
    private Map<String, String> openTasks(List<Assignment> shown) {
        String[] ids = shown.stream().map(Assignment::processInstanceId).filter(java.util.Objects::nonNull).toArray(String[]::new);
        Map<String, String> byInstance = new HashMap<>();
        if (ids.length == 0) {
            return byInstance;
        }
        for (Task task : taskService.createTaskQuery().processInstanceIdIn(ids).active().orderByTaskCreateTime().desc().list()) {
            byInstance.putIfAbsent(task.getProcessInstanceId(), task.getId());
        }
        return byInstance;
    }

    private Item item(DirectiveItem i) {
        String deadline = i.ongoing() ? "Thường xuyên" + (i.reportSchedule() == null ? "" : ", báo cáo " + ScheduleLabels.of(i.reportSchedule()))
                : i.deadline() != null ? "Trước ngày " + FormValues.format(i.deadline())
                : i.deadlineWorkingDays() != null ? "Trong " + i.deadlineWorkingDays() + " ngày làm việc" : "";
        return new Item(i.label(), i.content(), deadline,
                i.responsible().stream().filter(r -> r.role() == ResponsibleRole.LEAD).map(r -> name(r.code())).toList(),
                i.responsible().stream().filter(r -> r.role() == ResponsibleRole.COORDINATING).map(r -> name(r.code())).toList());
    }

    private String name(String code) {
        try {
            return registry.displayName(code);
        } catch (RuntimeException unknown) {
            return code;
        }
    }

    /** The journal, labelled; an agency reads only the events of its own assignments (as in the API). */
    private List<Event> events(long id, AgencyScope scope, List<Assignment> visible, Map<String, Agency> agencies) {
        Set<Long> own = visible.stream().map(Assignment::id).collect(Collectors.toSet());
        Map<Long, String> agencyOf = visible.stream().collect(Collectors.toMap(Assignment::id, Assignment::agencyCode));
        return repository.events(id).stream()
                .filter(e -> scope.provinceWide() || own.contains(e.assignmentId()))
                .map(e -> new Event(e.occurredAt(), e.actor(), e.kind().label(),
                        e.assignmentId() == null ? null : agencyOf.getOrDefault(e.assignmentId(), ""), e.comment()))
                .toList();
    }
}
