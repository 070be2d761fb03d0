package vn.directivetracker.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the {@code prod} profile with an empty, well-known or weak administrator password
 * (docs/adr/0006-authorization-model.md). Runs while the environment is prepared — after the configuration files and the
 * environment have been read, before any bean, database connection or port — so the operator sees one
 * clear message instead of a half-started server. Registered in {@code META-INF/spring.factories}.
 */
public class ProdAdminPasswordGuard implements EnvironmentPostProcessor, Ordered {

    static final String PASSWORD_PROPERTY = "camunda.bpm.admin-user.password";
    static final String USER_PROPERTY = "camunda.bpm.admin-user.id";

    /** Passwords that come with products, tutorials and this project's own demo. */
    static final Set<String> KNOWN_DEFAULTS = Set.of("demo", "admin", "password", "camunda", "changeme", "secret",
            "123456", "12345678", "123456789", "1234567890", "matkhau", "quantri", "administrator", "root", "test");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        List<String> problems = problems(environment.getProperty(USER_PROPERTY, ""), environment.getProperty(PASSWORD_PROPERTY, ""));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Không khởi động hồ sơ prod: mật khẩu quản trị ADMIN_PASSWORD "
                    + String.join("; ", problems)
                    + ". Hãy đặt biến môi trường ADMIN_PASSWORD là một mật khẩu mạnh, riêng cho máy chủ này."
                    + " (Refusing to start profile prod: set ADMIN_PASSWORD to a strong password of your own.)");
        }
    }

    static List<String> problems(String adminId, String password) {
        List<String> problems = new ArrayList<>();
        if (adminId.isBlank()) {
            problems.add("thiếu tên tài khoản quản trị ADMIN_USER");
        }
        if (password.isBlank()) {
            problems.add("chưa được đặt (trống)");
            return problems;
        }
        if (KNOWN_DEFAULTS.contains(password.toLowerCase(Locale.ROOT))) {
            problems.add("là mật khẩu mặc định, ai cũng biết");
        }
        List<String> broken = PasswordRules.violations(password, new UserEntity(adminId));
        if (!broken.isEmpty()) {
            problems.add("không đạt chính sách mật khẩu (" + String.join(", ", broken) + ")");
        }
        return problems;
    }

    @Override
    public int getOrder() {
        // After Spring Boot's ConfigDataEnvironmentPostProcessor, which reads the files and activates profiles.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
