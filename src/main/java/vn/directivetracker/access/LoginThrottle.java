package vn.directivetracker.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing (ADR 6, README "Security"). Failed logins are counted per account and
 * per client address; from the {@code free}-th failure in a row on, the next attempt must wait
 * {@code base × 2^(failures − free)}, capped at {@code max-delay}. While it waits, every attempt — also
 * one with the right password — is refused without asking the identity service, so a guesser gains
 * nothing and the real user is kept out for at most {@code max-delay} after the guessing stops. A
 * successful login clears the account's count. Counts older than {@code window} are forgotten; the
 * table holds at most {@code max-entries} keys (the oldest go first), so it cannot fill the memory.
 * One node's memory: behind a load balancer each node counts for itself (a guesser gets at most N times
 * as many tries).
 */
@Component
class LoginThrottle {

    private record Failures(int count, Instant last) {}

    private final int freeUserFailures;
    private final int freeAddressFailures;
    private final Duration base;
    private final Duration maxDelay;
    private final Duration window;
    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Failures> failures;

    LoginThrottle(
            @Value("${directive-tracker.login-throttle.free-failures-per-user:5}") int freeUserFailures,
            @Value("${directive-tracker.login-throttle.free-failures-per-address:20}") int freeAddressFailures,
            @Value("${directive-tracker.login-throttle.base-delay:1s}") Duration base,
            @Value("${directive-tracker.login-throttle.max-delay:5m}") Duration maxDelay,
            @Value("${directive-tracker.login-throttle.window:15m}") Duration window,
            @Value("${directive-tracker.login-throttle.max-entries:10000}") int maxEntries) {
        this.freeUserFailures = freeUserFailures;
        this.freeAddressFailures = freeAddressFailures;
        this.base = base;
        this.maxDelay = maxDelay;
        this.window = window;
        this.maxEntries = maxEntries;
        this.clock = Clock.systemUTC();
        this.failures = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > LoginThrottle.this.maxEntries;
            }
        };
    }

    /** How long the caller must still wait before a login of {@code user} from {@code address} is tried. */
    synchronized Optional<Duration> waitBefore(String user, String address) {
        Instant now = clock.instant();
        Duration wait = longer(remaining(userKey(user), freeUserFailures, now), remaining(addressKey(address), freeAddressFailures, now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    synchronized void failed(String user, String address) {
        Instant now = clock.instant();
        count(userKey(user), now);
        count(addressKey(address), now);
    }

    synchronized void succeeded(String user) {
        failures.remove(userKey(user));
    }

    /** Forgets every count (an operator unblocking everybody at once; tests). */
    synchronized void reset() {
        failures.clear();
    }

    private void count(String key, Instant now) {
        Failures previous = failures.get(key);
        int count = previous == null || previous.last().plus(window).isBefore(now) ? 1 : previous.count() + 1;
        failures.put(key, new Failures(count, now));
    }

    private Duration remaining(String key, int free, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.count() < free) {
            return Duration.ZERO;
        }
        if (f.last().plus(window).isBefore(now)) {
            failures.remove(key);
            return Duration.ZERO;
        }
        int exponent = Math.min(f.count() - free, 30);
        Duration delay = base.multipliedBy(1L << exponent);
        if (delay.compareTo(maxDelay) > 0) {
            delay = maxDelay;
        }
        Duration left = Duration.between(now, f.last().plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String userKey(String user) {
        return "u:" + (user == null ? "" : user.toLowerCase(java.util.Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "" : address);
    }
}
