package vn.directivetracker.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The fields each user task accepts: exactly the input fields of its deployed Camunda Form (the
 * {@code key}s of components that are neither read-only nor disabled). A completion or form
 * submission carrying anything else — {@code assignmentId}, a head group, a period — is refused
 * before the engine sees it (ADR 12). One map per process definition, built on first use from that
 * definition's own deployment ({@code formRefBinding="deployment"}) and never changed afterwards,
 * because deployed resources are immutable.
 */
@Component
public class TaskFormFields {

    private final RepositoryService repositoryService;
    private final TaskService taskService;
    private final SystemActions system;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Map<String, Set<String>>> byDefinition = new ConcurrentHashMap<>();

    public TaskFormFields(RepositoryService repositoryService, TaskService taskService, SystemActions system) {
        this.repositoryService = repositoryService;
        this.taskService = taskService;
        this.system = system;
    }

    /**
     * Refuses (400, nothing changed) names the task's form does not declare. A task that does not
     * exist passes: the engine answers that itself, after its own authorization check.
     */
    public void requireDeclared(String taskId, Collection<String> names) {
        Task task = system.call(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
        if (task == null || names.isEmpty()) {
            return;
        }
        Set<String> declared = declared(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        Set<String> undeclared = new TreeSet<>(names);
        undeclared.removeAll(declared);
        if (!undeclared.isEmpty()) {
            throw new InvalidRequestException(undeclared.stream()
                    .map(name -> new FieldViolation(name, "Biểu mẫu của công việc \"" + task.getName()
                            + "\" không có trường '" + name + "'; chỉ được gửi các trường của biểu mẫu"))
                    .toList());
        }
    }

    /** The input fields of one task's form; none for a task without a form or of a case/standalone task. */
    public Set<String> declared(String processDefinitionId, String taskDefinitionKey) {
        if (processDefinitionId == null) {
            return Set.of();
        }
        return byDefinition.computeIfAbsent(processDefinitionId, this::load).getOrDefault(taskDefinitionKey, Set.of());
    }

    private Map<String, Set<String>> load(String processDefinitionId) {
        return system.call(() -> {
            ProcessDefinition definition = repositoryService.getProcessDefinition(processDefinitionId);
            Map<String, Set<String>> formInputs = formInputsOf(definition.getDeploymentId());
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(processDefinitionId);
            Map<String, Set<String>> fields = new HashMap<>();
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String formRef = task.getCamundaFormRef();
                fields.put(task.getId(), formRef == null ? Set.of() : formInputs.getOrDefault(formRef, Set.of()));
            }
            return Map.copyOf(fields);
        });
    }

    private Map<String, Set<String>> formInputsOf(String deploymentId) {
        Map<String, Set<String>> forms = new HashMap<>();
        for (Resource resource : repositoryService.getDeploymentResources(deploymentId)) {
            if (!resource.getName().endsWith(".form")) {
                continue;
            }
            try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resource.getName())) {
                JsonNode form = json.readTree(in);
                Set<String> inputs = new LinkedHashSet<>();
                collectInputs(form.path("components"), inputs);
                forms.put(form.path("id").asText(), Set.copyOf(inputs));
            } catch (IOException e) {
                throw new UncheckedIOException("Biểu mẫu " + resource.getName() + " không đọc được", e);
            }
        }
        return forms;
    }

    /** Groups nest components; display-only ones (text, headings) have no key. */
    private static void collectInputs(JsonNode components, Set<String> inputs) {
        for (JsonNode component : components) {
            collectInputs(component.path("components"), inputs);
            String key = component.path("key").asText(null);
            boolean displayOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
            if (key != null && !displayOnly && !List.of("text", "html", "image", "button").contains(component.path("type").asText())) {
                inputs.add(key);
            }
        }
    }
}
