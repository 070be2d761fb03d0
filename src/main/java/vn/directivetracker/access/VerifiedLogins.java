package vn.directivetracker.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a short while, that a user's password was right and which groups they had (ADR 18).
 * API clients and Tasklist's engine REST calls send HTTP Basic credentials with every request; checking
 * each against Camunda (a password hash and a group query, two engine commands) was a seventh of the
 * request's CPU. Only successful checks are kept, so a wrong password is always refused by Camunda
 * itself; the password is kept only as an HMAC under a key that lives in this JVM's memory.
 * <p>
 * The price: for at most {@code ttl} after a password change, a removed membership or a deleted
 * account, the old password and groups still open API requests. Bounded in entries (least recently
 * used go first).
 */
final class VerifiedLogins {

    record Verified(List<String> groups) {}

    private record Entry(byte[] passwordMac, List<String> groups, Instant expires) {}

    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> entries;
    private final SecretKeySpec key;

    VerifiedLogins(Duration ttl, int maxEntries, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxEntries;
            }
        };
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The groups of a user whose password was verified within the last {@code ttl}, if it is this password. */
    Optional<Verified> lookup(String user, String password) {
        if (ttl.isZero()) {
            return Optional.empty();
        }
        Entry entry;
        synchronized (entries) {
            entry = entries.get(user);
        }
        if (entry == null || !clock.instant().isBefore(entry.expires())
                || !MessageDigest.isEqual(entry.passwordMac(), mac(user, password))) {
            return Optional.empty();
        }
        return Optional.of(new Verified(entry.groups()));
    }

    void remember(String user, String password, List<String> groups) {
        if (ttl.isZero()) {
            return;
        }
        Entry entry = new Entry(mac(user, password), List.copyOf(groups), clock.instant().plus(ttl));
        synchronized (entries) {
            entries.put(user, entry);
        }
    }

    /** A failed check drops what was remembered: the next request is checked by Camunda again. */
    void forget(String user) {
        synchronized (entries) {
            entries.remove(user);
        }
    }

    private byte[] mac(String user, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
