package vn.directivetracker.notification;

import java.time.Duration;
import java.util.TimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;
import vn.directivetracker.common.Clocks;

/**
 * The background thread of this node: a dispatcher round every {@code dispatcher.interval}, and the
 * morning digest at {@code digest.hour} when agencies asked for one. A private scheduler rather than
 * {@code @Scheduled}, so nothing here depends on (or changes) the application's global scheduling.
 * Stops before the database pool closes. Off in tests, which dispatch explicitly. Its rounds yield to a
 * saturated job executor (ADR 31).
 */
@Component
@ConditionalOnProperty(name = "directive-tracker.mail.dispatcher.enabled", havingValue = "true", matchIfMissing = true)
class MailSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MailSchedule.class);
    /** How soon a yielding dispatcher looks again (ADR 31): mail resumes within a second of a burst's end. */
    private static final Duration YIELD_RECHECK = Duration.ofSeconds(1);

    private final MailDispatcher dispatcher;
    private final JobExecutorLoad jobs;
    private final DailyDigest digest;
    private final MailSettings settings;
    private final Clocks clocks;
    private ThreadPoolTaskScheduler scheduler;
    /** Touched by the scheduler's one thread only. */
    private long nextRoundNanos;

    MailSchedule(MailDispatcher dispatcher, JobExecutorLoad jobs, DailyDigest digest, MailSettings settings, Clocks clocks) {
        this.dispatcher = dispatcher;
        this.jobs = jobs;
        this.digest = digest;
        this.settings = settings;
        this.clocks = clocks;
    }

    @Override
    public synchronized void start() {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("mail-dispatcher-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.initialize();
        nextRoundNanos = System.nanoTime();
        Duration interval = settings.dispatcher().interval();
        Duration tick = interval.compareTo(YIELD_RECHECK) < 0 ? interval : YIELD_RECHECK;
        scheduler.scheduleWithFixedDelay(() -> guarded("dispatch", this::dispatchWhenDue), tick);
        if (!settings.digest().agencies().isEmpty()) {
            scheduler.schedule(() -> guarded("digest", () -> digest.writeFor(clocks.today())),
                    new CronTrigger(settings.digest().cronExpression(), TimeZone.getTimeZone(clocks.zone())));
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** A round every {@code interval}; while the last one yielded, every {@link #YIELD_RECHECK} instead. */
    private void dispatchWhenDue() {
        if (!dispatcher.yielding() && System.nanoTime() - nextRoundNanos < 0) {
            return;
        }
        nextRoundNanos = System.nanoTime() + settings.dispatcher().interval().toNanos();
        dispatcher.dispatchDue(jobs::saturated);
    }

    /** A failing round (database briefly away) must not end the schedule: log, and try at the next tick. */
    private static void guarded(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("Mail {} round failed; retrying at the next tick", what, e);
        }
    }
}
