package vn.directivetracker.access;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.directivetracker.common.TaskFormFields;

/**
 * The data-dependent rule of both engine REST mounts (ADR 12), registered after Spring Security's chain
 * ({@link SecurityConfig}): by then the caller is authenticated and the engine knows who is calling.
 * Tasklist and Cockpit call the engine under {@code /camunda/api/engine}; their caller comes from the
 * web session.
 */
@Configuration
class EngineRestGuardConfig {

    @Bean
    FilterRegistrationBean<EngineRestGuard> engineRestGuard(ProcessEngine engine, TaskFormFields formFields,
            AgencyBoundary agencies) {
        var registration = new FilterRegistrationBean<>(
                new EngineRestGuard(engine.getIdentityService(), engine.getName(), formFields, agencies));
        registration.setName("engine-rest-guard");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(110);
        return registration;
    }
}
