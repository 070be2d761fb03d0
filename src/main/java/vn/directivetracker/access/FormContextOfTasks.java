package vn.directivetracker.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.directivetracker.assignment.AssignmentFormContext;
import vn.directivetracker.identity.EngineAsSystem;

/**
 * Adds what an {@code agency-assignment} form displays (agency, directive, item, role, deadline) to the
 * engine's answer to {@code GET task/{id}/form-variables} on both engine REST mounts: Tasklist loads a
 * Camunda Form's data from there. Since ADR 27 these are no process variables; they come from our tables
 * ({@link AssignmentFormContext}) and replace any variable of the same name, so no one can change what
 * the form shows by writing one.
 *
 * <p>Who may read the task stays Camunda's decision (and {@link EngineRestGuard}'s): the values are added
 * only to the engine's own 200, i.e. after it checked the caller's authorizations; a 403 or 404 passes
 * through untouched. Tasks of the other processes keep their variables as they are.
 */
class FormContextOfTasks extends OncePerRequestFilter {

    private static final String STRING = "String";

    private final TaskService taskService;
    private final EngineAsSystem asSystem;
    private final AssignmentFormContext formContext;
    private final ObjectMapper json = new ObjectMapper();

    FormContextOfTasks(TaskService taskService, EngineAsSystem asSystem, AssignmentFormContext formContext) {
        this.taskService = taskService;
        this.asSystem = asSystem;
        this.formContext = formContext;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || taskIdOf(request).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        if (answer.getStatus() == HttpServletResponse.SC_OK) {
            Optional<Map<String, String>> context = contextOf(taskIdOf(request).orElseThrow());
            if (context.isPresent()) {
                byte[] body = withContext(answer.getContentAsByteArray(), context.get(), request.getParameter("variableNames"));
                answer.resetBuffer();
                answer.getOutputStream().write(body);
            }
        }
        answer.copyBodyToResponse();
    }

    /**
     * The task's assignment context. The engine has just answered 200, so the caller may read the task;
     * looked up as the system because the caller's authorizations have already been applied.
     */
    private Optional<Map<String, String>> contextOf(String taskId) {
        Task task = asSystem.call(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
        return task == null ? Optional.empty() : formContext.ofProcessInstance(task.getProcessInstanceId());
    }

    /** The engine's variables with ours put over them; only the names asked for, if the caller named some. */
    private byte[] withContext(byte[] engineAnswer, Map<String, String> context, String variableNames) throws IOException {
        JsonNode variables = engineAnswer.length == 0 ? json.createObjectNode() : json.readTree(engineAnswer);
        if (!(variables instanceof ObjectNode object)) {
            return engineAnswer;
        }
        Set<String> asked = variableNames == null ? null
                : Arrays.stream(variableNames.split(",")).map(String::trim).collect(Collectors.toSet());
        context.forEach((name, value) -> {
            if (asked == null || asked.contains(name)) {
                ObjectNode entry = object.putObject(name);
                entry.put("type", STRING).put("value", value);
                entry.putObject("valueInfo");
            }
        });
        return json.writeValueAsBytes(object);
    }

    /** The task id of {@code task/{id}/form-variables} below either mount, if that is the request. */
    private static Optional<String> taskIdOf(HttpServletRequest request) {
        List<String> path = EngineRestOperations.resourcePath(request.getServletPath(), request.getPathInfo());
        return path.size() == 3 && path.get(0).equals("task") && path.get(2).equals("form-variables")
                ? Optional.of(path.get(1)) : Optional.empty();
    }
}
