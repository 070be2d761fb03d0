package vn.directivetracker.access;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.directivetracker.assignment.AssignmentFormContext;
import vn.directivetracker.common.TaskFormFields;
import vn.directivetracker.identity.EngineAsSystem;

/**
 * The data-dependent rule of both engine REST mounts (ADR 12), registered after Spring Security's chain
 * ({@link SecurityConfig}): by then the caller is authenticated and the engine knows who is calling.
 * Tasklist and Cockpit call the engine under {@code /camunda/api/engine}; their caller comes from the
 * web session.
 */
@Configuration
class EngineRestGuardConfig {

    private static final String[] MOUNTS = {"/engine-rest/*", "/camunda/api/engine/*"};

    @Bean
    FilterRegistrationBean<EngineRestGuard> engineRestGuard(ProcessEngine engine, TaskFormFields formFields,
            AgencyBoundary agencies) {
        var registration = new FilterRegistrationBean<>(
                new EngineRestGuard(engine.getIdentityService(), engine.getName(), formFields, agencies));
        registration.setName("engine-rest-guard");
        registration.addUrlPatterns(MOUNTS);
        registration.setOrder(110);
        return registration;
    }

    /**
     * Right after the guard, on the same mounts: what agency-assignment forms display, added to the
     * engine's own authorized answer (ADR 27). The guard and Camunda still decide who reads what.
     */
    @Bean
    FilterRegistrationBean<FormContextOfTasks> formContextOfTasks(ProcessEngine engine, EngineAsSystem asSystem,
            AssignmentFormContext formContext) {
        var registration = new FilterRegistrationBean<>(
                new FormContextOfTasks(engine.getTaskService(), asSystem, formContext));
        registration.setName("form-context-of-tasks");
        registration.addUrlPatterns(MOUNTS);
        registration.setOrder(111);
        return registration;
    }
}
