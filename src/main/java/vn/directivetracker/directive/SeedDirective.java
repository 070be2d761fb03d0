package vn.directivetracker.directive;

import static vn.directivetracker.directive.DirectiveIssuanceProcess.Variables.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.directivetracker.identity.Roles;
import vn.directivetracker.common.StartupStep;
import vn.directivetracker.common.Decisions;

/**
 * Embedded default only: loads the founding letter (Gia Lai, 2026, thông tin đối ngoại) from
 * {@code data/examples/seed-directive-gialai-2026.json} and walks it through review, signature and
 * issuing as the demo users would, so every named agency finds its work waiting in Tasklist.
 * Runs once: a database that already holds a directive is left alone.
 */
@Component
@ConditionalOnProperty(name = "directive-tracker.demo.load-seed-directive", havingValue = "true")
class SeedDirective implements StartupStep {

    static final String RESOURCE = "data/examples/seed-directive-gialai-2026.json";

    private static final Logger log = LoggerFactory.getLogger(SeedDirective.class);

    private final DirectiveService directives;
    private final DirectiveRepository repository;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final ObjectMapper objectMapper;

    SeedDirective(DirectiveService directives, DirectiveRepository repository, TaskService taskService,
            IdentityService identityService, ObjectMapper objectMapper) {
        this.directives = directives;
        this.repository = repository;
        this.taskService = taskService;
        this.identityService = identityService;
        this.objectMapper = objectMapper;
    }

    @Override
    public String name() {
        return "seed-directive";
    }

    @Override
    public void run() throws IOException {
        if (repository.count() > 0) {
            return;
        }
        DirectiveRequest request;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            request = objectMapper.readValue(in, DirectiveRequest.class);
        }
        long id = as("dieuphoi", Roles.COORDINATOR, () -> directives.submit(request, "dieuphoi"));
        String processInstanceId = directives.get(id).issuanceProcessInstanceId();
        complete(processInstanceId, DirectiveIssuanceProcess.Elements.REVIEW_DRAFT, "lanhdaovp", Roles.OFFICE_LEADER,
                Map.of(REVIEW_DECISION, Decisions.APPROVE, REVIEW_COMMENT, "Đồng ý, trình lãnh đạo UBND tỉnh ký."));
        complete(processInstanceId, DirectiveIssuanceProcess.Elements.SIGN_DIRECTIVE, "lanhdaoubnd", Roles.PROVINCIAL_LEADER,
                Map.of(SIGN_DECISION, Decisions.APPROVE, SIGN_COMMENT, "Đồng ý ban hành."));
        complete(processInstanceId, DirectiveIssuanceProcess.Elements.REGISTER_AND_ISSUE, "vanthu", Roles.CLERK,
                Map.of("registered", true));
        log.info("Seed directive {} submitted, reviewed, signed and sent for issuing", id);
    }

    private void complete(String processInstanceId, String taskKey, String user, String group, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey)
                .singleResult();
        as(user, group, () -> {
            taskService.claim(task.getId(), user);
            taskService.complete(task.getId(), variables);
            return null;
        });
    }

    private <T> T as(String user, String group, java.util.function.Supplier<T> action) {
        identityService.setAuthentication(user, List.of(group));
        try {
            return action.get();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
