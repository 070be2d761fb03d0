package vn.directivetracker.notification;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import vn.directivetracker.common.Clocks;

/**
 * Empties the outbox: claims due rows, sends each through Spring Mail outside any database
 * transaction, and records the outcome. Exactly once in normal operation, also with several nodes
 * (see {@link DispatchQueue}); the one gap left is a node dying between the SMTP server's "250 OK" and
 * the SENT update — after the lease that row is sent again (at least once, never lost).
 *
 * <p>Failures: the row's attempt counter goes up and it waits an exponential backoff; after the last
 * allowed attempt it becomes FAILED (visible at /api/notifications, resendable, counted in the
 * metrics). When the server cannot be reached at all the round stops at the first failure, so an
 * outage costs one connection attempt per round, not one per waiting row.
 *
 * <p>Throughput (issue 11, ADR 19): a round sends its batch over one SMTP connection
 * ({@link SmtpConnection}), still recording each message's outcome before the next; and
 * {@code dispatcher.senders} rounds run side by side, each with its own claim, token and connection —
 * to the database they are simply more dispatchers, which ADR 7's claims already keep apart.
 *
 * <p>Yielding (ADR 31): the background thread passes whether this node's job executor is saturated;
 * while it is, each round claims only rows due for longer than {@code dispatcher.yield-at-most}. Mail
 * is the one piece of work here that may wait a minute; a fan-out or a morning of timers should not
 * share two cores with it.
 */
public class MailDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final DispatchQueue queue;
    private final JavaMailSender sender;
    private final MailComposer composer;
    private final MailBodies bodies;
    private final MailSettings.Dispatcher settings;
    private final MailCounters counters;
    private final Clocks clocks;
    private final String node;
    private final AtomicLong rounds = new AtomicLong();
    /** Whether the last round yielded: the schedule then looks again sooner; logged when it changes. */
    private final AtomicBoolean yielding = new AtomicBoolean();
    /** The senders besides the calling thread; null with one sender. */
    private final ExecutorService helpers;

    /**
     * @param sender null when no SMTP server is configured: rows are then marked KEPT
     * @param node   a name for this application node, written into the claims (for people reading the table)
     */
    MailDispatcher(DispatchQueue queue, JavaMailSender sender, MailComposer composer, MailBodies bodies,
            MailSettings.Dispatcher settings, MailCounters counters, Clocks clocks, String node) {
        this.queue = queue;
        this.sender = sender;
        this.composer = composer;
        this.bodies = bodies;
        this.settings = settings;
        this.counters = counters;
        this.clocks = clocks;
        this.node = node;
        AtomicInteger threads = new AtomicInteger();
        this.helpers = settings.senders() <= 1 ? null : Executors.newFixedThreadPool(settings.senders() - 1, work -> {
            Thread thread = new Thread(work, "mail-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Delivers every row that is due now, round after round, until none is left or the SMTP server
     * is unreachable. Tests call this instead of waiting for the background thread.
     *
     * @return the number of rows this call sent or kept
     */
    public int dispatchDue() {
        return dispatchDue(() -> false);
    }

    /**
     * The background thread's round: as {@link #dispatchDue()}, but asking {@code engineBusy} before
     * every batch, and while it says yes taking only rows due for longer than
     * {@code dispatcher.yield-at-most}.
     */
    int dispatchDue(BooleanSupplier engineBusy) {
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Integer>> others = new ArrayList<>();
        int delivered = 0;
        try (SmtpConnection smtp = sender == null ? null : new SmtpConnection(sender)) {
            while (!stop.get()) {
                int sent = oneRound(smtp, stop, engineBusy);
                if (sent < 0) {
                    break;
                }
                delivered += sent;
                // The others join only once a round went through: an outage still costs one
                // connection attempt per call, not one per sender.
                if (helpers != null && others.isEmpty() && !stop.get()) {
                    for (int i = 1; i < settings.senders(); i++) {
                        others.add(helpers.submit(() -> sendUntilEmpty(stop, engineBusy)));
                    }
                }
            }
        }
        for (Future<Integer> other : others) {
            try {
                delivered += other.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return delivered;
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
        }
        return delivered;
    }

    /** One sender: batch after batch over one SMTP connection, until nothing is due or the server is away. */
    private int sendUntilEmpty(AtomicBoolean stop, BooleanSupplier engineBusy) {
        int delivered = 0;
        try (SmtpConnection smtp = sender == null ? null : new SmtpConnection(sender)) {
            while (!stop.get()) {
                int sent = oneRound(smtp, stop, engineBusy);
                if (sent < 0) {
                    return delivered;
                }
                delivered += sent;
            }
        }
        return delivered;
    }

    /**
     * Claims one batch and delivers it. Returns how many left, or -1 when nothing was due; sets
     * {@code stop} (for every sender of this call) when the server could not be reached.
     */
    private int oneRound(SmtpConnection smtp, AtomicBoolean stop, BooleanSupplier engineBusy) {
        String token = node + "#" + rounds.incrementAndGet();
        LocalDateTime now = clocks.now();
        List<OutboxRow> batch = queue.claim(token, dueBy(now, engineBusy), now, now.plus(settings.claimLease()),
                settings.batchSize());
        if (batch.isEmpty()) {
            return -1;
        }
        Round round = deliver(batch, token, smtp, now.plus(settings.claimLease()));
        if (round.serverUnreachable) {
            stop.set(true);
        }
        return round.delivered;
    }

    /** Whether the last round left fresh mail waiting for a busy engine. */
    boolean yielding() {
        return yielding.get();
    }

    /** Now, or — while the engine is busy — {@code yield-at-most} ago. */
    private LocalDateTime dueBy(LocalDateTime now, BooleanSupplier engineBusy) {
        boolean yields = !settings.yieldAtMost().isZero() && engineBusy.getAsBoolean();
        if (yields) {
            counters.yieldedRound();
        }
        if (yielding.getAndSet(yields) != yields) {
            log.debug(yields
                    ? "Job executor busy: sending only mail due for more than {} until it is not"
                    : "Job executor no longer busy: sending all due mail (yield-at-most {})", settings.yieldAtMost());
        }
        return yields ? now.minus(settings.yieldAtMost()) : now;
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }

    private record Round(int delivered, boolean serverUnreachable) {}

    /**
     * @param leaseUntil when this round's claim runs out; a row is renewed before its message only once
     *                   less than half of the lease is left (issue 11, ADR 19's addendum: one UPDATE per email fewer
     *                   in a round that takes seconds). Until then no other node can have taken the row,
     *                   so an SMTP conversation plus the nodes' clock skew must stay under half the lease.
     */
    private Round deliver(List<OutboxRow> batch, String token, SmtpConnection smtp, LocalDateTime leaseUntil) {
        int delivered = 0;
        for (int i = 0; i < batch.size(); i++) {
            OutboxRow claimed = batch.get(i);
            OutboxRow row;
            try {
                // Rendered here, not in the step's transaction (ADR 21). A model that cannot be
                // rendered fails its own row like a rejected recipient: retried, then FAILED, visible.
                row = bodies.complete(claimed);
            } catch (RuntimeException failure) {
                recordFailure(claimed, token, failure);
                continue;
            }
            boolean rendered = row.renderedFrom(claimed);
            if (sender == null) {
                delivered += queue.markKept(row, rendered, token) ? 1 : 0;
                continue;
            }
            // Every row of the batch was claimed until leaseUntil; once half of it is gone (a slow
            // server), each further row is renewed on its own right before its message, as before.
            LocalDateTime now = clocks.now();
            if (now.plus(settings.claimLease().dividedBy(2)).isAfter(leaseUntil)) {
                if (!queue.renew(row.id(), token, now.plus(settings.claimLease()))) {
                    log.info("Outbox row {} is no longer ours (lease ran out and another node took it): not sent", row.id());
                    continue;
                }
            }
            try {
                smtp.send(composer.compose(sender, row));
            } catch (Exception failure) {
                recordFailure(row, token, failure);
                if (SmtpFailures.serverUnreachable(failure)) {
                    queue.release(batch.subList(i + 1, batch.size()).stream().map(OutboxRow::id).toList(), token);
                    return new Round(delivered, true);
                }
                continue;
            }
            if (!queue.markSent(row, rendered, token, clocks.now())) {
                log.warn("Outbox row {} was sent but its claim had been taken over meanwhile: it may be sent twice", row.id());
            }
            counters.sent(row.eventType());
            delivered++;
        }
        return new Round(delivered, false);
    }

    private void recordFailure(OutboxRow row, String token, Exception failure) {
        int attempts = row.attempts() + 1;
        String error = SmtpFailures.describe(failure);
        counters.failedAttempt(row.eventType());
        if (attempts >= settings.maxAttempts() || SmtpFailures.permanent(failure)) {
            log.error("Email {} to {} FAILED after {} attempt(s): {}", row.dedupKey(), row.recipient(), attempts, error);
            queue.markFailed(row.id(), token, attempts, error);
        } else {
            LocalDateTime next = clocks.now().plus(settings.backoffAfter(attempts));
            log.warn("Email {} to {} not sent (attempt {}), next try at {}: {}", row.dedupKey(), row.recipient(), attempts,
                    next, error);
            queue.retryLater(row.id(), token, attempts, error, next);
        }
    }
}
