package vn.directivetracker.access;

import jakarta.servlet.DispatcherType;
import java.util.Map;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One login for Camunda's webapps (ADR 6): Camunda's container-based authentication over the Spring
 * Security session, the way Camunda's own Spring Boot SSO examples and its OAuth2 starter do it. The
 * starter keeps registering its session {@code AuthenticationFilter}, {@code CsrfPreventionFilter} and
 * security filter (through a {@code ServletContextInitializer} that runs after every
 * {@code FilterRegistrationBean}); the filters here sit between Spring Security's chain (order -100) and
 * {@link EngineRestGuard} (110), which reads the caller from the webapp session these fill.
 */
@Configuration
class CamundaWebappLoginConfig {

    /** Paths under Camunda's webapp path (camunda.bpm.webapp.application-path, default /camunda). */
    private static final String[] WEBAPP_PATHS = {"/camunda/app/*", "/camunda/api/*"};

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> containerBasedAuthenticationFilter() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("container-based-authentication-filter");
        registration.setInitParameters(Map.of("authentication-provider", SpringSessionAuthenticationProvider.class.getName()));
        registration.addUrlPatterns(WEBAPP_PATHS);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(101);
        return registration;
    }

    @Bean
    FilterRegistrationBean<CamundaLogoutFilter> camundaLogoutFilter() {
        var registration = new FilterRegistrationBean<>(new CamundaLogoutFilter());
        registration.setName("camunda-logout-ends-session");
        registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
        registration.setOrder(102);
        return registration;
    }
}
