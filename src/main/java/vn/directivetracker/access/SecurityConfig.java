package vn.directivetracker.access;

import java.util.LinkedHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.util.unit.DataSize;
import vn.directivetracker.identity.Roles;

/**
 * Who may call which path, in one place (ADR 6). Both chains authenticate through the one
 * {@link IdentityServiceAuthenticationProvider} bean, which Spring Security picks up as the global
 * authentication provider (registering it on a chain too would ask it twice per failed login). Two chains:
 * <ul>
 * <li>API clients ({@code /api/**}, {@code /engine-rest/**}, {@code /actuator/**}): HTTP Basic against
 *     Camunda's users, no session, no CSRF token (nothing is remembered between requests, so a foreign
 *     page cannot ride on a session; the content-type rule below closes the cached-Basic-credentials
 *     variant);</li>
 * <li>people in a browser (everything else: {@code /app/}, {@code /dashboard/}, {@code /login}, Camunda's
 *     webapps): form login at {@code /login} with a session and a CSRF token. Camunda's webapps take the
 *     signed-in user from this session ({@link CamundaWebappLoginConfig}) and keep their own CSRF filter.</li>
 * </ul>
 * Paths are matched by {@code PathPattern} on the decoded, normalized path (so {@code /api/%6Eotifications}
 * is {@code /api/notifications}), after the strict firewall has refused encoded slashes, dots,
 * percent signs and {@code ;} path parameters. The rules run before any controller reads a body.
 * <p>
 * Rules that depend on the data (which agency's assignment, whose delegation, which task's form fields)
 * do not belong in these tables: they sit next to the data (method security, {@code AgencyScope}) or,
 * for the engine REST API's task endpoints, in a servlet filter of their own that runs after this chain
 * (a {@code FilterRegistrationBean} on {@code /engine-rest/*} with an order above Spring Security's -100):
 * by then the caller is authenticated, the path rules have passed and {@link EngineAuthenticationFilter}
 * has told the engine who is calling, so such a filter reads {@code SecurityContextHolder} or
 * {@code IdentityService.getCurrentAuthentication()} and only decides on the data.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    /** Publishing it makes {@code requestMatchers(String)} use {@code PathPatternRequestMatcher}. */
    @Bean
    PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatcher() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    StrictHttpFirewall httpFirewall() {
        // The defaults already refuse ; %2F %5C %25 %2E and "//"; stated here so nobody loosens them by accident.
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowSemicolon(false);
        firewall.setAllowUrlEncodedSlash(false);
        firewall.setAllowUrlEncodedPeriod(false);
        firewall.setAllowUrlEncodedPercent(false);
        firewall.setAllowBackSlash(false);
        firewall.setAllowUrlEncodedDoubleSlash(false);
        return firewall;
    }

    /**
     * Spring Security would otherwise wrap each of its filters, and each authentication, in a Micrometer
     * observation: a tenth of an engine REST request's CPU (ADR 18), for spans nobody collects. Requests
     * are still timed as a whole ({@code http.server.requests}); failed logins are in the log and
     * {@link LoginThrottle}.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** A path the firewall refuses answers 400 problem+json instead of a 500 from the container. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> ProblemResponses.write(response, 400, "Yêu cầu không hợp lệ",
                "Đường dẫn chứa ký tự không được phép (mã hóa dấu /, dấu chấm, dấu % hoặc dấu ;)");
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiClients(HttpSecurity http,
            IdentityService identityService) throws Exception {
        http.securityMatcher("/api/**", "/engine-rest/**", "/actuator/**")
                .httpBasic(basic -> basic.authenticationEntryPoint(ApiRefusals::unauthenticated))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ApiRefusals::unauthenticated)
                        .accessDeniedHandler(ApiRefusals::forbidden))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasAnyAuthority(Roles.CAMUNDA_ADMIN, Roles.MONITORING)
                        .requestMatchers("/api/admin/**").hasAuthority(Roles.CAMUNDA_ADMIN)
                        // Emails name recipients and carry other agencies' work: coordinators watch the outbox,
                        // administrators may look; only coordinators send again.
                        .requestMatchers(HttpMethod.GET, "/api/notifications", "/api/notifications/**")
                                .hasAnyAuthority(Roles.COORDINATOR, Roles.CAMUNDA_ADMIN)
                        .requestMatchers("/api/notifications", "/api/notifications/**").hasAuthority(Roles.COORDINATOR)
                        .requestMatchers("/api/audit", "/api/audit/**").hasAnyAuthority(
                                Roles.COORDINATOR, Roles.OFFICE_LEADER, Roles.PROVINCIAL_LEADER, Roles.CAMUNDA_ADMIN)
                        // Coordinators author, revoke and amend directives and ask for reports.
                        .requestMatchers(HttpMethod.POST, "/api/directives", "/api/directives/*/revoke",
                                "/api/directives/*/report-requests").hasAuthority(Roles.COORDINATOR)
                        .requestMatchers(HttpMethod.PATCH, "/api/directives/*/items/*").hasAuthority(Roles.COORDINATOR)
                        .requestMatchers("/api/letters/**").hasAuthority(Roles.COORDINATOR)
                        // The holiday calendar is read by everybody, changed by administrators.
                        .requestMatchers(HttpMethod.GET, "/api/calendar/**").authenticated()
                        .requestMatchers("/api/calendar/**").hasAuthority(Roles.CAMUNDA_ADMIN)
                        .anyRequest().authenticated())
                .addFilterBefore(new CrossSiteGuard(), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
        return http.build();
    }

    /** Runs before Spring Security, so an oversized body is refused before anybody reads it. */
    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
            @Value("${directive-tracker.limits.max-request-size:2MB}") DataSize defaultLimit,
            @Value("${directive-tracker.limits.max-letter-size:10MB}") DataSize letterLimit) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimit(defaultLimit, letterLimit));
        registration.setName("request-size-limit");
        registration.addUrlPatterns("/*");
        registration.setOrder(-200);
        return registration;
    }

    @Bean
    @Order(2)
    SecurityFilterChain browsers(HttpSecurity http,
            IdentityService identityService) throws Exception {
        http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/app/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                // Camunda's webapps keep their own CSRF protection (CsrfPreventionFilter, X-XSRF-TOKEN).
                .csrf(csrf -> csrf.ignoringRequestMatchers("/camunda/**"))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/", "/error", "/login", "/favicon.ico", "/css/**", "/webjars/**").permitAll()
                        .requestMatchers("/dashboard", "/dashboard/**").hasAnyAuthority(
                                Roles.COORDINATOR, Roles.OFFICE_LEADER, Roles.PROVINCIAL_LEADER, Roles.CAMUNDA_ADMIN)
                        // One login (ADR 6): Camunda's own password login would be a way around LoginThrottle.
                        .requestMatchers("/camunda/api/admin/auth/user/*/login/**").denyAll()
                        .anyRequest().authenticated())
                // The webapps' own calls get a 401 (Tasklist then shows its #/login route, which
                // webapp-ui.js sends to /login); pages go to /login and come back after it.
                .exceptionHandling(errors -> errors.authenticationEntryPoint(webappEntryPoint()))
                .addFilterAfter(new EngineAuthenticationFilter(identityService), AuthorizationFilter.class);
        return http.build();
    }

    private static AuthenticationEntryPoint webappEntryPoint() {
        var entryPoints = new LinkedHashMap<RequestMatcher, AuthenticationEntryPoint>();
        entryPoints.put(PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/**"),
                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
        var delegating = new DelegatingAuthenticationEntryPoint(entryPoints);
        delegating.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));
        return delegating;
    }
}
