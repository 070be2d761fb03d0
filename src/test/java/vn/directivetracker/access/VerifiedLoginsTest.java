package vn.directivetracker.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ADR 18: what the short memory of verified passwords accepts, and for how long. */
class VerifiedLoginsTest {

    private Instant now = Instant.parse("2026-12-02T02:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };

    @Test
    void onlyTheSamePasswordOfTheSameUserWithinTheWindowIsAccepted() {
        VerifiedLogins logins = new VerifiedLogins(Duration.ofSeconds(30), 100, clock);
        logins.remember("cbsngv", "demo", List.of("SNGV"));

        assertThat(logins.lookup("cbsngv", "demo")).get().extracting(VerifiedLogins.Verified::groups)
                .isEqualTo(List.of("SNGV"));
        assertThat(logins.lookup("cbsngv", "Demo")).isEmpty();
        assertThat(logins.lookup("cbsngv", "demo ")).isEmpty();
        assertThat(logins.lookup("cbstc", "demo")).isEmpty();

        now = now.plusSeconds(29);
        assertThat(logins.lookup("cbsngv", "demo")).isPresent();
        now = now.plusSeconds(1);
        assertThat(logins.lookup("cbsngv", "demo")).as("expired after the window").isEmpty();
    }

    @Test
    void aFailedCheckAndAZeroWindowRememberNothing() {
        VerifiedLogins logins = new VerifiedLogins(Duration.ofSeconds(30), 100, clock);
        logins.remember("cbsngv", "demo", List.of("SNGV"));
        logins.forget("cbsngv");
        assertThat(logins.lookup("cbsngv", "demo")).isEmpty();

        VerifiedLogins off = new VerifiedLogins(Duration.ZERO, 100, clock);
        off.remember("cbsngv", "demo", List.of("SNGV"));
        assertThat(off.lookup("cbsngv", "demo")).isEmpty();
    }

    @Test
    void theOldestEntriesGoWhenFull() {
        VerifiedLogins logins = new VerifiedLogins(Duration.ofSeconds(30), 2, clock);
        logins.remember("a", "pa", List.of());
        logins.remember("b", "pb", List.of());
        logins.remember("c", "pc", List.of());
        assertThat(logins.lookup("a", "pa")).isEmpty();
        assertThat(logins.lookup("b", "pb")).isPresent();
        assertThat(logins.lookup("c", "pc")).isPresent();
    }
}
