package vn.directivetracker.identity;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;

/**
 * Camunda's default password policy (10 characters, upper and lower case, a digit, a special
 * character, none of the user's own data), the one the engine enforces in {@code prod}. Applied
 * here too where the engine does not yet run (the admin password at start-up) or does not enforce
 * it (accounts imported in the embedded default, whose demo users keep the password "demo").
 */
public final class PasswordRules {

    private static final PasswordPolicy POLICY = new DefaultPasswordPolicyImpl();

    private static final Map<String, String> VIETNAMESE = Map.of(
            "PASSWORD_POLICY_LENGTH", "ít nhất %s ký tự",
            "PASSWORD_POLICY_LOWERCASE", "ít nhất %s chữ thường",
            "PASSWORD_POLICY_UPPERCASE", "ít nhất %s chữ hoa",
            "PASSWORD_POLICY_DIGIT", "ít nhất %s chữ số",
            "PASSWORD_POLICY_SPECIAL", "ít nhất %s ký tự đặc biệt",
            "PASSWORD_POLICY_USER_DATA", "không chứa tên đăng nhập, họ tên hay email%s");

    private PasswordRules() {}

    public static PasswordPolicy policy() {
        return POLICY;
    }

    /** The rules the password breaks, in Vietnamese ("ít nhất 10 ký tự", …); empty when it is acceptable. */
    public static List<String> violations(String password, User user) {
        String candidate = password == null ? "" : password;
        return POLICY.getRules().stream()
                .filter(rule -> !rule.execute(candidate, user))
                .map(PasswordRules::describe)
                .toList();
    }

    private static String describe(PasswordPolicyRule rule) {
        String parameter = rule.getParameters() == null ? "" : rule.getParameters().values().stream().findFirst().orElse("");
        return String.format(VIETNAMESE.getOrDefault(rule.getPlaceholder(), rule.getPlaceholder() + " %s"), parameter).trim();
    }
}
