package vn.directivetracker.directive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import vn.directivetracker.support.IntegrationTest;

/**
 * The embedded default's start-up loading: the letter exactly (163 ongoing lead assignments), then the
 * separate "[DEMO]" directive with what the letter does not have — and nothing of the demo leaks into
 * the letter.
 */
@TestPropertySource(properties = {
        "directive-tracker.demo.load-seed-directive=true",
        "directive-tracker.demo.load-demo-scenario=true"})
class SeedAndDemoLoadTest extends IntegrationTest {

    @Test
    void seedIsTheLetterAndTheDemoIsASeparateLabelledDirective() {
        executeJobs();
        List<Long> ids = jdbc.sql("select id from directive order by id").query(Long.class).list();
        assertThat(ids).hasSize(2);
        Directive seed = directiveService.get(ids.get(0));
        Directive demo = directiveService.get(ids.get(1));
        assertThat(seed.subject()).isEqualTo("V/v triển khai hướng dẫn công tác thông tin đối ngoại năm 2026");
        assertThat(demo.subject()).startsWith("[DEMO]");
        assertThat(seed.status()).isEqualTo(DirectiveStatus.ISSUED);
        assertThat(demo.status()).isEqualTo(DirectiveStatus.ISSUED);

        assertThat(count("select count(*) from assignment where directive_id = ?", seed.id())).isEqualTo(163);
        assertThat(count("select count(*) from assignment where directive_id = ? and role <> 'LEAD'", seed.id())).isZero();
        assertThat(count("select count(*) from assignment where directive_id = ? and deadline is not null", seed.id())).isZero();
        assertThat(count("select count(*) from directive_item where directive_id = ? and (ongoing = false or report_schedule is not null)",
                seed.id())).isZero();

        // The demo has what the letter lacks: coordinating agencies, a deadline, periodic reports.
        assertThat(count("select count(*) from assignment where directive_id = ? and role = 'COORDINATING'", demo.id())).isEqualTo(2);
        assertThat(count("select count(*) from assignment where directive_id = ? and deadline is not null", demo.id())).isEqualTo(2);
        assertThat(jdbc.sql("select report_schedule from directive_item where directive_id = ? and report_schedule is not null order by position")
                .param(demo.id()).query(String.class).list()).containsExactly("QUARTERLY", "NINE_MONTHS");
    }

    private int count(String sql, long directiveId) {
        return jdbc.sql(sql).param(directiveId).query(Integer.class).single();
    }
}
