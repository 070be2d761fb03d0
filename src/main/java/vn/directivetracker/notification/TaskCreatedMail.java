package vn.directivetracker.notification;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;
import vn.directivetracker.common.Clocks;
import vn.directivetracker.common.CurrentActor;
import vn.directivetracker.common.VnFormats;

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

    /** Process variables that the processes set for their forms; shown when present. */
    private static final List<String> CONTEXT_VARIABLES = List.of("directiveNumber", "directiveSubject", "agencyName",
            "itemOrdinal", "itemContent", "deadlineLabel");

    private final Outbox outbox;
    private final Recipients recipients;
    private final CurrentActor actor;
    private final MailSettings settings;
    private final Clocks clocks;

    TaskCreatedMail(Outbox outbox, Recipients recipients, CurrentActor actor, MailSettings settings, Clocks clocks) {
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
        Map<String, Object> model = model(task);
        String subject = subject(task, model);
        Set<String> addresses = new LinkedHashSet<>();
        for (Recipients.Person person : people(task)) {
            if (person.userId().equals(actor.userId()) || !addresses.add(person.email().toLowerCase(Locale.ROOT))) {
                continue;
            }
            outbox.enqueue(MailRequest.of(MailEvent.TASK_CREATED, "task-created:" + task.getId() + ":" + person.userId())
                    .to(person.email(), person.name())
                    .subject(subject)
                    .model(model)
                    .about(number(task.getVariable("directiveId")), number(task.getVariable("assignmentId")))
                    .task(task.getId()));
        }
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

    private Map<String, Object> model(DelegateTask task) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("taskName", task.getName() == null ? task.getTaskDefinitionKey() : task.getName());
        model.put("processName", processName(task));
        model.put("dueDate", task.getDueDate() == null ? ""
                : VnFormats.DATE.format(task.getDueDate().toInstant().atZone(clocks.zone())));
        for (String name : CONTEXT_VARIABLES) {
            Object value = task.getVariable(name);
            model.put(name, value == null ? "" : value.toString());
        }
        return model;
    }

    /** "[Việc mới] Thẩm định kết quả – Văn bản số 15/UBND-KGVX, mục 2 – Sở Ngoại vụ". */
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

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }
}
