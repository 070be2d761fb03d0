package vn.directivetracker.access;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dashboard behind the same login as {@code /api}: HTTP Basic against Camunda's users. Its own
 * registration, so the security package (issue 5) stays untouched.
 */
@Configuration
class DashboardSecurityConfig {

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> dashboardAuthentication(IdentityService identityService) {
        var registration = new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService));
        registration.setName("dashboard-authentication");
        registration.addUrlPatterns("/dashboard", "/dashboard/*");
        registration.setOrder(103);
        return registration;
    }
}
