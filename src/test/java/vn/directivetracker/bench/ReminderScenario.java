package vn.directivetracker.bench;

import com.icegreen.greenmail.util.GreenMail;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import vn.directivetracker.support.Mails;
import vn.directivetracker.support.TestMailServer;

/**
 * Figure c: K acknowledgement reminders due the same morning, until GreenMail has received all of
 * them. The reminders are the assignments of figure b: their acknowledgement-reminder timer jobs
 * ({@code AcknowledgeOverdue}) are made due now by an UPDATE of {@code act_ru_job.duedate_} — the
 * clock starts before that UPDATE. The job executor and the mail dispatcher do the rest as in
 * production. Only mails keyed {@code acknowledgement-reminder:} count.
 */
final class ReminderScenario {

    private static final String KEY_PREFIX = "acknowledgement-reminder:";

    private final Database db;

    ReminderScenario(Database db) {
        this.db = db;
    }

    void run(int reminders, List<Long> directiveIds, Figures figures) {
        db.awaitQuiet(Duration.ofMinutes(10));
        GreenMail smtp = TestMailServer.SMTP;
        TestMailServer.purge();
        List<String> jobs = db.jdbc().sql("""
                select j.id_ from act_ru_job j
                join act_ru_jobdef d on d.id_ = j.job_def_id_
                join assignment a on a.process_instance_id = j.process_instance_id_
                where d.act_id_ = 'AcknowledgeOverdue' and a.directive_id in (:ids)
                order by a.id limit :limit""").param("ids", directiveIds).param("limit", reminders).query(String.class).list();
        // Agencies without an email address get no mail (NO_ADDRESS): not expected at SMTP.
        int expected = db.jdbc().sql("""
                select count(*) from act_ru_job j
                join assignment a on a.process_instance_id = j.process_instance_id_
                join agency ag on ag.code = a.agency_code
                where j.id_ in (:jobs) and ag.email is not null and ag.email <> ''""")
                .param("jobs", jobs).query(Integer.class).single();
        long start = System.nanoTime();
        int updated = db.jdbc().sql("update act_ru_job set duedate_ = :now where id_ in (:jobs)")
                .param("now", new Timestamp(System.currentTimeMillis())).param("jobs", jobs).update();
        // GreenMail builds an array of every message it holds per look: looked at every 200 ms until 90 %
        // have arrived (a JFR profile of c showed the 10 ms looks at 4 % of the JVM's samples), then every
        // 10 ms until every reminder key is there.
        Poll.secondsUntilCount(start, Duration.ofMinutes(30), "mails at SMTP", expected, () -> smtp.getReceivedMessages().length);
        double seconds = Poll.secondsUntil(start, Duration.ofMinutes(30), expected + " reminder mails at SMTP",
                () -> reminderMails(smtp) >= expected);
        long distinct = Mails.received(smtp).stream().map(Mails::key).filter(k -> k.startsWith(KEY_PREFIX)).distinct().count();
        if (distinct != expected) {
            throw new IllegalStateException("Expected " + expected + " distinct reminders, GreenMail has " + distinct);
        }
        System.out.printf("[bench] c. %d timer jobs made due, %d mails expected, all received in %.1f s%n", updated, expected, seconds);
        figures.alone("c. " + jobs.size() + " reminders due the same morning → all at SMTP (timer jobs made due by UPDATE act_ru_job)",
                String.format("%.1f s (%d mails)", seconds, expected), "≤ 60 s for 10k");
    }

    private static long reminderMails(GreenMail smtp) {
        return Mails.received(smtp).stream().filter(m -> Mails.key(m).startsWith(KEY_PREFIX)).count();
    }
}
