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
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.directivetracker.agency.Agency;
import vn.directivetracker.agency.AgencyRegistry;
import vn.directivetracker.agency.AgencyScope;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.assignment.AssignmentStatuses;
import vn.directivetracker.assignment.StatusBucket;
import vn.directivetracker.calendar.WorkingDayCalendar;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.SystemActions;
import vn.directivetracker.common.TrackerProperties;
import vn.directivetracker.directive.Directive;
import vn.directivetracker.directive.DirectiveEvent;
import vn.directivetracker.directive.DirectiveItem;
import vn.directivetracker.directive.DirectiveRepository;
import vn.directivetracker.directive.DirectiveService;
import vn.directivetracker.directive.DirectiveStatus;
import vn.directivetracker.directive.ResponsibleRole;

/**
 * "Chi tiết văn bản": the letter laid out as issued, every assignment the user may see with its
 * status and links into Tasklist and Cockpit, the history, and the coordinators' actions (revoke,
 * amend an item), which go through {@link DirectiveService} exactly as {@code /api/directives} does.
 */
@Controller
class DirectiveDetailController {

    record Row(long id, String itemLabel, String agencyCode, String agencyName, String role, String phase,
            StatusBucket bucket, String statusLabel, boolean dueSoon, LocalDate deadline, long daysLate,
            int workingDaysLate, String taskUrl, String processUrl) {}

    record Item(String label, String content, String deadline, List<String> lead, List<String> coordinating) {}

    record Event(java.time.LocalDateTime at, String actor, String label, String agency, String comment) {}

    private final DirectiveService directives;
    private final DirectiveRepository repository;
    private final AssignmentRepository assignments;
    private final AssignmentStatuses statuses;
    private final AgencyRegistry registry;
    private final WorkingDayCalendar calendar;
    private final TaskService taskService;
    private final SystemActions systemActions;
    private final WorkspaceUser user;
    private final WorkspaceLinks links;
    private final Clocks clocks;
    private final TrackerProperties properties;

    DirectiveDetailController(DirectiveService directives, DirectiveRepository repository, AssignmentRepository assignments,
            AssignmentStatuses statuses, AgencyRegistry registry, WorkingDayCalendar calendar, TaskService taskService,
            SystemActions systemActions, WorkspaceUser user, WorkspaceLinks links, Clocks clocks, TrackerProperties properties) {
        this.directives = directives;
        this.repository = repository;
        this.assignments = assignments;
        this.statuses = statuses;
        this.registry = registry;
        this.calendar = calendar;
        this.taskService = taskService;
        this.systemActions = systemActions;
        this.user = user;
        this.links = links;
        this.clocks = clocks;
        this.properties = properties;
    }

    @GetMapping("/app/directives/{id}")
    String show(@PathVariable long id, Model model) {
        Directive directive = directives.get(id);
        AgencyScope scope = user.scope();
        List<Assignment> visible = scope.visible(assignments.ofDirective(id), Assignment::agencyCode);
        List<DirectiveItem> items = repository.items(id);
        Map<Long, String> labels = items.stream().collect(Collectors.toMap(DirectiveItem::id, DirectiveItem::label));
        Map<String, Agency> agencies = registry.byCodes(visible.stream().map(Assignment::agencyCode).distinct().toList());
        LocalDate today = clocks.today();
        Map<String, String> tasks = openTasks(visible);
        List<Row> rows = visible.stream().map(a -> row(a, labels, agencies, tasks, today)).toList();
        model.addAttribute("d", directive);
        model.addAttribute("statusLabel", StatusLabels.DIRECTIVE.get(directive.status()));
        model.addAttribute("issuingBody", properties.issuingBody());
        model.addAttribute("recipients", repository.recipients(id).stream().map(this::name).toList());
        model.addAttribute("items", items.stream().map(this::item).toList());
        model.addAttribute("rows", rows);
        model.addAttribute("summary", rows.stream().collect(Collectors.groupingBy(Row::statusLabel, LinkedHashMap::new, Collectors.counting())));
        model.addAttribute("itemLabels", items.stream().map(DirectiveItem::label).toList());
        model.addAttribute("events", events(id, scope, visible, agencies));
        model.addAttribute("canAct", user.coordinator() && directive.status() == DirectiveStatus.ISSUED);
        model.addAttribute("processUrl", links.processInstance(
                directive.executionProcessInstanceId() != null ? directive.executionProcessInstanceId() : directive.issuanceProcessInstanceId()));
        model.addAttribute("provinceWide", scope.provinceWide());
        return "app/detail";
    }

    @PostMapping("/app/directives/{id}/revoke")
    String revoke(@PathVariable long id, @RequestParam(defaultValue = "") String reason, RedirectAttributes flash) {
        user.requireCoordinator();
        if (reason.isBlank() || reason.length() > 2000) {
            flash.addFlashAttribute("actionError", reason.isBlank() ? "Chưa nêu lý do thu hồi" : "Lý do thu hồi tối đa 2000 ký tự");
            return redirect(id);
        }
        String coordinator = user.id();
        return act(id, flash, "Đã thu hồi văn bản; các đơn vị được thông báo.",
                () -> systemActions.run(() -> directives.revoke(id, reason.strip(), coordinator)));
    }

    @PostMapping("/app/directives/{id}/amend")
    String amend(@PathVariable long id, @RequestParam String item,
            @RequestParam(defaultValue = "") String deadline,
            @RequestParam(defaultValue = "") String addLead,
            @RequestParam(defaultValue = "") String addCoordinating,
            @RequestParam(defaultValue = "") String remove,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes flash) {
        user.requireCoordinator();
        LocalDate newDeadline;
        try {
            newDeadline = FormValues.date(deadline);
        } catch (FormValues.BadDate bad) {
            flash.addFlashAttribute("actionError", bad.getMessage());
            return redirect(id);
        }
        if (reason.length() > 2000) {
            flash.addFlashAttribute("actionError", "Lý do điều chỉnh tối đa 2000 ký tự");
            return redirect(id);
        }
        String coordinator = user.id();
        return act(id, flash, "Đã điều chỉnh mục " + item + ".",
                () -> systemActions.run(() -> directives.amendItem(id, item, newDeadline, FormValues.codes(addLead),
                        FormValues.codes(addCoordinating), FormValues.codes(remove), reason, coordinator)));
    }

    private String act(long id, RedirectAttributes flash, String done, Runnable action) {
        ActionResults.run(flash, done, action);
        return redirect(id);
    }

    private static String redirect(long id) {
        return "redirect:/app/directives/" + id;
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
                .map(e -> new Event(e.occurredAt(), e.actor(), vn.directivetracker.audit.AuditLabels.of(e.type()),
                        e.assignmentId() == null ? null : agencyOf.getOrDefault(e.assignmentId(), ""), e.comment()))
                .toList();
    }
}
