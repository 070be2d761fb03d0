package vn.directivetracker.accounts;

import java.security.SecureRandom;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import vn.directivetracker.identity.PasswordRules;

/** Initial passwords for imported accounts: 16 characters that satisfy the password policy. */
@Component
class PasswordGenerator {

    // No look-alikes (0/O, 1/l/I): the password is read off a handout.
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SPECIAL = "!#%*+-=?@";
    private static final String ALL = LOWER + UPPER + DIGITS + SPECIAL;
    private static final int LENGTH = 16;

    private final SecureRandom random = new SecureRandom();

    String generate(User user) {
        while (true) {
            StringBuilder password = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                password.append(ALL.charAt(random.nextInt(ALL.length())));
            }
            if (PasswordRules.violations(password.toString(), user).isEmpty()) {
                return password.toString();
            }
        }
    }
}
