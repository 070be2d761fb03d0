package vn.directivetracker.access;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.directivetracker.common.TaskFormFields;

/**
 * Authentication in front of both APIs. The Camunda starter leaves {@code /engine-rest} open; here it
 * requires HTTP Basic through Camunda's own filter, so the engine's authorization checks apply.
 */
@Configuration
class WebSecurityConfig {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(101);
        return registration;
    }

    /**
     * After authentication: narrows both engine REST mounts to what the roles need (ADR 12). Tasklist
     * and Cockpit call the engine under {@code /camunda/api/engine}; their caller comes from the web session.
     */
    @Bean
    FilterRegistrationBean<EngineRestGuard> engineRestGuard(org.camunda.bpm.engine.ProcessEngine engine,
            TaskFormFields formFields, AgencyBoundary agencies) {
        var registration = new FilterRegistrationBean<>(
                new EngineRestGuard(engine.getIdentityService(), engine.getName(), formFields, agencies));
        registration.setName("engine-rest-guard");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(110);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identityService) {
        var registration = new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService));
        registration.setName("api-authentication");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(102);
        return registration;
    }
}
