package vn.directivetracker.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import vn.directivetracker.agency.AgencyKind;
import vn.directivetracker.assignment.StatusBucket;
import vn.directivetracker.reporting.statistics.AgencyStatistics;
import vn.directivetracker.reporting.statistics.SampleCounts;

/**
 * The dashboard's page at figure e's size (ADR 24): the template, made cheaper to render, gives the
 * same bytes as the former one ({@code templates/dashboard/index-adr20.html}, test copy) for pages
 * with every bucket in the bars, both lists full and cut, links present and absent, filters set and
 * not, and an empty page.
 */
class DashboardTemplateTest {

    static final SpringTemplateEngine ENGINE = engine();

    @Test
    void rendersTheSameBytesAsTheFormerTemplate() {
        for (DashboardView view : List.of(sample(154, 100, 100, null, null), sample(3, 7, 0, AgencyKind.WARD, 17L),
                sample(0, 0, 0, AgencyKind.DEPARTMENT, null))) {
            // The page's locale is the browser's (Accept-Language): widths keep being formatted in it.
            for (Locale locale : List.of(Locale.forLanguageTag("vi"), Locale.US, Locale.GERMANY, Locale.forLanguageTag("ar-EG"),
                    Locale.forLanguageTag("th-TH-u-nu-thai"))) {
                assertThat(render("dashboard/index", view, locale)).as(locale.toString())
                        .isEqualTo(render("dashboard/index-adr20", view, locale));
            }
            String now = render("dashboard/index", view);
            assertThat(now).contains("id=\"chart\"");
            assertThat(now.split("class=\"bar-row\"", -1)).hasSize(view.bars().size() + 1);
        }
    }

    static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    static String render(String template, DashboardView view) {
        return render(template, view, Locale.forLanguageTag("vi"));
    }

    static String render(String template, DashboardView view, Locale locale) {
        var exchange = JakartaServletWebApplication.buildApplication(new MockServletContext())
                .buildExchange(new MockHttpServletRequest("GET", "/dashboard/"), new MockHttpServletResponse());
        return ENGINE.process(template, new WebContext(exchange, locale,
                Map.of("view", view, "legend", DashboardView.LEGEND, "kinds", DashboardController.KIND_LABELS)));
    }

    /** A page with {@code agencies} bars over every bucket, the two lists and 30 directives. */
    static DashboardView sample(int agencies, int overdue, int dueSoon, AgencyKind kind, Long directiveId) {
        LocalDate asOf = LocalDate.of(2026, 12, 2);
        StatusBucket[] buckets = StatusBucket.values();
        List<AgencyStatistics> rows = new ArrayList<>();
        Map<StatusBucket, Integer> all = new EnumMap<>(StatusBucket.class);
        for (int a = 0; a < agencies; a++) {
            Map<StatusBucket, Integer> counts = new EnumMap<>(StatusBucket.class);
            for (int b = 0; b < buckets.length; b++) {
                // Some agencies miss some buckets (no segment), sizes vary (bar widths with decimals).
                int n = (a * 7 + b * 13) % 5 == 0 ? 0 : (a * 131 + b * 977) % 3001;
                counts.put(buckets[b], n);
                all.merge(buckets[b], n, Integer::sum);
            }
            rows.add(new AgencyStatistics("AG" + a, "Ủy ban nhân dân xã số " + a + " & <Phòng> \"A\"",
                    AgencyKind.values()[a % AgencyKind.values().length], SampleCounts.of(counts, a % 4)));
        }
        AgencyStatistics totals = new AgencyStatistics(null, "Tổng cộng", null, SampleCounts.of(all, agencies));
        return new DashboardView(asOf, kind, directiveId, totals, DashboardRows.bars(rows),
                listed(overdue, asOf, true), overdue > 0 ? 199_915 : 0, listed(dueSoon, asOf, false), dueSoon > 0 ? 5 : 0,
                directives(Math.min(30, overdue)), overdue > 0 ? 6_464 : 0,
                "asOf=" + asOf + (kind == null ? "" : "&agencyKind=" + kind) + (directiveId == null ? "" : "&directiveId=" + directiveId));
    }

    private static List<DashboardView.Listed> listed(int n, LocalDate asOf, boolean late) {
        List<DashboardView.Listed> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LocalDate deadline = late ? asOf.minusDays(700 - i) : asOf.plusDays(i % 4);
            String pi = i % 3 == 0 ? null : "pi-" + i;
            rows.add(new DashboardView.Listed("Sở " + i + " <b>", i + "/UBND-KGVX", String.valueOf(1 + i % 3), deadline,
                    late ? 700 - i : i % 4, late ? 500 - i : i % 3,
                    pi == null ? null : "/camunda/app/cockpit/default/#/process-instance/" + pi + "/runtime",
                    i % 2 == 0 ? null : "/camunda/app/tasklist/default/#/?task=t-" + i));
        }
        return rows;
    }

    private static List<DashboardView.DirectiveProgress> directives(int n) {
        List<DashboardView.DirectiveProgress> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int total = 170 + i;
            int completed = i * 5;
            rows.add(new DashboardView.DirectiveProgress(6000 - i, i + "/UBND-KGVX", "[BENCH] Văn bản \"số\" " + i, total,
                    completed, i % 2 == 0 ? 0 : i * 3, completed * 100 / total));
        }
        return rows;
    }

    /**
     * Render cost at figure e's size, single thread: {@code -Dbench.render=2000} renders so many pages
     * and prints CPU ms per page (not part of verify: skipped without the property).
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "bench.render", matches = "\\d+")
    void renderCost() {
        DashboardView view = sample(154, 100, 100, null, null);
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (String template : List.of("dashboard/index-adr20", "dashboard/index", "dashboard/index-adr20", "dashboard/index")) {
            int n = Integer.getInteger("bench.render");
            long cpu = threads.getCurrentThreadCpuTime();
            long bytes = 0;
            for (int i = 0; i < n; i++) {
                bytes += render(template, view).length();
            }
            System.out.printf("BENCH render %-22s %.2f ms CPU per page, %d chars%n", template,
                    (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / n, bytes / n);
        }
    }
}
