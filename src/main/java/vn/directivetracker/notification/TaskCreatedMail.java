package vn.directivetracker.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;
import vn.directivetracker.assignment.AssignmentFormContext;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.CurrentActor;
import vn.directivetracker.common.VnFormats;
import vn.directivetracker.directive.DirectiveRepository;
import vn.directivetracker.reporting.collection.ReportPeriodRepository;

/**
 * "Việc mới": when a user task is created, each member of its candidate groups (and its assignee)
 * who has an email address gets one email linking straight to the task. Attached to every user task
 * of every process by {@link TaskMailPlugin}, so no BPMN carries it.
 *
 * <p>The user whose action created the task is left out (they know), and so are the task keys in
 * {@code directive-tracker.mail.task-created.exclude-tasks}.
 */
@Component
class TaskCreatedMail implements TaskListener {

    /**
     * What the email shows about the work: for an {@code agency-assignment} task from our tables
     * ({@link AssignmentFormContext}, the values its form shows, ADR 27); for the other processes from
     * the variables they set for their forms, when present.
     */
    private static final List<String> CONTEXT_FIELDS = List.of("directiveNumber", "directiveSubject", "agencyName",
            "itemOrdinal", "itemContent", "deadlineLabel");

    /**
     * Process name by process definition id: a definition never changes (a new deployment gets a new
     * id), and walking the BPMN model for every new task was a measurable part of a child's start.
     */
    private final Map<String, String> processNames = new ConcurrentHashMap<>();
    private final Outbox outbox;
    private final Recipients recipients;
    private final CurrentActor actor;
    private final MailSettings settings;
    private final Clocks clocks;
    private final AssignmentRepository assignments;
    private final DirectiveRepository directives;
    private final ReportPeriodRepository reportPeriods;
    private final AssignmentFormContext formContext;

    TaskCreatedMail(Outbox outbox, Recipients recipients, CurrentActor actor, MailSettings settings, Clocks clocks,
            AssignmentRepository assignments, DirectiveRepository directives, ReportPeriodRepository reportPeriods,
            AssignmentFormContext formContext) {
        this.formContext = formContext;
        this.assignments = assignments;
        this.reportPeriods = reportPeriods;
        this.directives = directives;
        this.outbox = outbox;
        this.recipients = recipients;
        this.actor = actor;
        this.settings = settings;
        this.clocks = clocks;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!settings.enabled(MailEvent.TASK_CREATED)
                || settings.taskCreated().excludeTasks().contains(task.getTaskDefinitionKey())) {
            return;
        }
        List<Recipients.Person> recipients = new ArrayList<>();
        Set<String> addresses = new LinkedHashSet<>();
        for (Recipients.Person person : people(task)) {
            if (!person.userId().equals(actor.userId()) && addresses.add(person.email().toLowerCase(Locale.ROOT))) {
                recipients.add(person);
            }
        }
        if (recipients.isEmpty()) {
            // Nobody to tell (a group without members with an address yet, or only the actor): the
            // model's reads are not made. Most of a fan-out's new tasks in a province still rolling
            // out its accounts (issue 11, ADR 30).
            return;
        }
        // Which records the email is about, from our tables by process instance (DESIGN §6): never
        // from the task's variables, which the task's own user could have written.
        String processInstanceId = task.getProcessInstanceId();
        AssignmentRepository.ProcessRef assignment = processInstanceId == null ? null
                : assignments.refOfProcessInstance(processInstanceId).orElse(null);
        Map<String, Object> model = model(task, assignment);
        String subject = subject(task, model);
        Long assignmentId = assignment == null ? null : assignment.assignmentId();
        Long directiveId = assignment != null ? Long.valueOf(assignment.directiveId())
                : directives.idOfProcessInstance(processInstanceId)
                        .or(() -> reportPeriods.idOfProcessInstance(processInstanceId).map(p -> reportPeriods.get(p).directiveId()))
                        .or(() -> issuedDirective(task))
                        .orElse(null);
        for (Recipients.Person person : recipients) {
            outbox.enqueue(MailRequest.of(MailEvent.TASK_CREATED, "task-created:" + task.getId() + ":" + person.userId())
                    .to(person.email(), person.name())
                    .subject(subject)
                    .model(model)
                    .about(directiveId, assignmentId)
                    .task(task.getId()));
        }
    }

    /**
     * The draft's first task is created while {@code DirectiveService.submit} is still starting the
     * issuance, before the directive row knows its process: the business key, which the server sets
     * to the directive's id and no user can change, names it.
     */
    private static java.util.Optional<Long> issuedDirective(DelegateTask task) {
        String definition = task.getProcessDefinitionId();
        String businessKey = task.getExecution().getProcessBusinessKey();
        if (definition == null || !definition.startsWith(vn.directivetracker.directive.DirectiveIssuanceProcess.KEY + ":")
                || businessKey == null || !businessKey.chars().allMatch(Character::isDigit)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Long.parseLong(businessKey));
    }

    /** The assignee first, then the members of the candidate groups. */
    private List<Recipients.Person> people(DelegateTask task) {
        Map<String, Recipients.Person> people = new LinkedHashMap<>();
        if (task.getAssignee() != null) {
            recipients.user(task.getAssignee()).ifPresent(p -> people.put(p.userId(), p));
        }
        Set<String> groups = new LinkedHashSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            } else if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null) {
                recipients.user(link.getUserId()).ifPresent(p -> people.putIfAbsent(p.userId(), p));
            }
        }
        recipients.membersOf(groups).forEach(p -> people.putIfAbsent(p.userId(), p));
        return List.copyOf(people.values());
    }

    private Map<String, Object> model(DelegateTask task, AssignmentRepository.ProcessRef assignment) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("taskName", task.getName() == null ? task.getTaskDefinitionKey() : task.getName());
        String definition = task.getProcessDefinitionId();
        model.put("processName", definition == null ? processName(task)
                : processNames.computeIfAbsent(definition, id -> processName(task)));
        model.put("dueDate", task.getDueDate() == null ? ""
                : VnFormats.DATE.format(task.getDueDate().toInstant().atZone(clocks.zone())));
        Map<String, String> context = assignment == null ? null : formContext.of(assignment.assignmentId());
        for (String name : CONTEXT_FIELDS) {
            Object value = context != null ? context.get(name) : task.getVariable(name);
            model.put(name, value == null ? "" : value.toString());
        }
        return model;
    }

    /** "[Việc mới] Xem xét kết quả – Văn bản số 15/UBND-KGVX, mục 2 – Sở Ngoại vụ". */
    private static String subject(DelegateTask task, Map<String, Object> model) {
        StringBuilder subject = new StringBuilder("[Việc mới] ").append(model.get("taskName"));
        if (!model.get("directiveNumber").toString().isEmpty()) {
            subject.append(" – Văn bản số ").append(model.get("directiveNumber"));
            if (!model.get("itemOrdinal").toString().isEmpty()) {
                subject.append(", mục ").append(model.get("itemOrdinal"));
            }
        } else if (!model.get("directiveSubject").toString().isEmpty()) {
            subject.append(" – ").append(model.get("directiveSubject"));
        }
        if (!model.get("agencyName").toString().isEmpty()) {
            subject.append(" – ").append(model.get("agencyName"));
        }
        return subject.toString();
    }

    private static String processName(DelegateTask task) {
        ModelElementInstance element = task.getBpmnModelElementInstance();
        while (element != null && !(element instanceof Process)) {
            element = element.getParentElement();
        }
        return element == null || ((Process) element).getName() == null ? "" : ((Process) element).getName();
    }
}
