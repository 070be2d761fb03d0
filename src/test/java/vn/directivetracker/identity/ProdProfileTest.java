package vn.directivetracker.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.directivetracker.DirectiveTrackerApplication;

/**
 * The {@code prod} profile refuses to start without a strong administrator password, before it
 * touches a database (none is configured here: DB_URL is unset); with one it starts, on a throw-away
 * H2 standing in for PostgreSQL, with no demo user and the password policy enforced.
 */
class ProdProfileTest {

    /** The application as {@code java -jar} would start it, with only these arguments. */
    private static ConfigurableApplicationContext startProd(String... extra) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=prod", "--server.port=0"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(DirectiveTrackerApplication.class).run(args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "ADMIN_PASSWORD=''{0}''")
    @ValueSource(strings = {"", "   ", "demo", "admin", "password", "Password", "a-long-secret"})
    void refusesToStartWithEmptyDefaultOrWeakAdminPassword(String password) {
        assertThatThrownBy(() -> startProd("--camunda.bpm.admin-user.password=" + password))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Không khởi động hồ sơ prod: mật khẩu quản trị ADMIN_PASSWORD")
                .hasMessageContaining("Refusing to start profile prod: set ADMIN_PASSWORD");
    }

    @Test
    void theMessageSaysWhatIsWrong() {
        assertThat(ProdAdminPasswordGuard.problems("admin", "")).containsExactly("chưa được đặt (trống)");
        assertThat(ProdAdminPasswordGuard.problems("admin", "demo")).first().isEqualTo("là mật khẩu mặc định, ai cũng biết");
        assertThat(String.join("; ", ProdAdminPasswordGuard.problems("admin", "a-long-secret")))
                .contains("ít nhất 1 chữ hoa", "ít nhất 1 chữ số");
        assertThat(ProdAdminPasswordGuard.problems("admin", "Admin-2026-xyz!")).as("contains the user id")
                .singleElement().asString().contains("không chứa tên đăng nhập");
        assertThat(ProdAdminPasswordGuard.problems("quantri", "Vh7#kL2m!Qp9")).isEmpty();
    }

    @Test
    void startsWithAStrongPasswordWithoutDemoUsersAndEnforcesThePasswordPolicy() {
        try (ConfigurableApplicationContext context = startProd(
                "--camunda.bpm.admin-user.password=Vh7#kL2m!Qp9",
                "--spring.datasource.url=jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--spring.datasource.username=sa", "--spring.datasource.password=",
                "--spring.mail.host=127.0.0.1",
                "--camunda.bpm.job-execution.enabled=false",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.generate-unique-process-application-name=true")) {
            IdentityService identity = context.getBean(ProcessEngine.class).getIdentityService();
            assertThat(identity.checkPassword("admin", "Vh7#kL2m!Qp9")).isTrue();
            assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly("admin");
            assertThat(context.getBean(ProcessEngine.class).getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();
            User weak = identity.newUser("thuky");
            weak.setPassword("demo");
            assertThatThrownBy(() -> identity.saveUser(weak)).isInstanceOf(ProcessEngineException.class);
        }
    }
}
