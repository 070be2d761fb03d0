package vn.directivetracker.access;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed logins: the attempt was not even checked (see {@link LoginThrottle}). */
class LoginThrottledException extends AuthenticationException {

    private final long retryAfterSeconds;

    LoginThrottledException(Duration wait) {
        super("Đăng nhập sai quá nhiều lần; vui lòng thử lại sau " + Math.max(1, (wait.toMillis() + 999) / 1000) + " giây");
        this.retryAfterSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
