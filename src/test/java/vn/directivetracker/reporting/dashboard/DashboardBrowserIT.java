package vn.directivetracker.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.directivetracker.reporting.ReportingFixtures.*;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.support.IntegrationTest;
import vn.directivetracker.support.WebSession;

/**
 * The leaders' dashboard in real headless Chromium (Debian chromium + chromedriver, nothing
 * downloaded): the coordinator sees the bars per agency, the overdue list with its links, the due-soon
 * list and the directive's progress. Screenshot: {@code target/screenshots/DashboardBrowserIT/}.
 */
class DashboardBrowserIT extends IntegrationTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "DashboardBrowserIT").toAbsolutePath();
    private static final Path BROWSER_HOME = Path.of("target", "browser-dashboard").toAbsolutePath();

    @LocalServerPort int port;
    @Autowired AssignmentRepository assignments;

    private ChromeDriver browser;
    private long directiveId;

    @BeforeEach
    void fixture() throws IOException {
        deleteAllProcessInstances();
        clockAt(LocalDateTime.of(2026, 11, 30, 9, 0));
        // The statistics fixture: on time, late, overdue, cancelled, ongoing and due soon.
        directiveId = submitAndIssue(everyBucket("Bảng theo dõi " + System.nanoTime()));
        everyBucketFacts(jdbc, directiveId);
        ClockUtil.reset();
        FileSystemUtils.deleteRecursively(SCREENSHOTS);
        Files.createDirectories(SCREENSHOTS);
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
        deleteAllProcessInstances();
    }

    @Test
    void coordinatorSeesTheChartAndTheOverdueList() throws IOException {
        browser = chromium();
        // The dashboard sends a person to the one login page, then back to the dashboard.
        browser.get("http://localhost:" + port + "/dashboard/?asOf=2026-12-16&directiveId=" + directiveId);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
        browser.findElement(By.id("username")).sendKeys("dieuphoi");
        browser.findElement(By.id("password")).sendKeys("demo");
        Files.write(SCREENSHOTS.resolve("login.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart .bar-row")));
        Files.write(SCREENSHOTS.resolve("dashboard.png"), browser.getScreenshotAs(OutputType.BYTES));

        assertThat(browser.getTitle()).isEqualTo("Bảng theo dõi thực hiện văn bản chỉ đạo");
        // One bar per agency, the one with overdue work first; its red segment is the overdue one.
        List<WebElement> bars = browser.findElements(By.cssSelector("#chart .bar-row"));
        assertThat(bars).extracting(b -> b.getAttribute("data-agency")).containsExactly("SNGV", "SCT", "STC");
        WebElement sngv = bars.get(0);
        assertThat(sngv.findElements(By.cssSelector(".bar span"))).extracting(s -> s.getAttribute("title"))
                .containsExactly("Đang thực hiện quá hạn: 1", "Đã hoàn thành đúng hạn: 1", "Không thời hạn: 1");
        WebElement overdueSegment = sngv.findElement(By.cssSelector(".bar span"));
        assertThat(overdueSegment.getSize().getWidth()).isPositive();
        assertThat(overdueSegment.getCssValue("background-color")).isEqualTo("rgba(192, 57, 43, 1)");

        // The overdue list: Sở Ngoại vụ's item 2, 6 days (4 working days) late, with links.
        List<WebElement> overdue = browser.findElements(By.cssSelector("#overdue .overdue-row"));
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).getText()).contains("Sở Ngoại vụ", "mục 2", "10/12/2026", "6 ngày (4 ngày làm việc)");
        String pi = assignments.ofDirective(directiveId).stream()
                .filter(a -> a.agencyCode().equals("SNGV") && a.deadline() != null && a.completedAt() == null)
                .findFirst().orElseThrow().processInstanceId();
        assertThat(overdue.get(0).findElement(By.linkText("Cockpit")).getAttribute("href"))
                .endsWith("/camunda/app/cockpit/default/#/process-instance/" + pi + "/runtime");
        assertThat(overdue.get(0).findElement(By.linkText("Tasklist")).getAttribute("href"))
                .contains("/camunda/app/tasklist/default/#/?task=");

        // Due soon: Sở Công Thương's item 4 (21/12, 3 working days).
        assertThat(browser.findElements(By.cssSelector("#due-soon .due-soon-row"))).singleElement()
                .extracting(WebElement::getText).asString().contains("Sở Công Thương", "21/12/2026", "3 ngày làm việc");
        // Both rates, labelled as the Government Office labels them: 2 completed ÷ (2 + 1 overdue) and 1 on time ÷ 3.
        assertThat(browser.findElement(By.id("completion-rate")).getText()).contains("Tỷ lệ hoàn thành", "66.66%");
        assertThat(browser.findElement(By.id("on-time-rate")).getText()).contains("Tỷ lệ đúng hạn", "33.3%");
        // The directive: of 5 live assignments 1 done on time and 1 late → 40%.
        assertThat(browser.findElement(By.cssSelector("#directives .directive-row")).getText()).contains("40%");
        // One directive: nothing left out of the (bounded) directive table.
        assertThat(browser.findElements(By.id("directives-hidden"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("#directives h2")).getText()).startsWith("Văn bản chỉ đạo (1)");
        assertThat(browser.findElement(By.id("export-xlsx")).getAttribute("href"))
                .contains("/api/statistics/export.xlsx?asOf=2026-12-16&directiveId=" + directiveId);
    }

    /**
     * A province issues thousands of letters: the directive table shows the 30 with most overdue work
     * and says how many more there are, with the way to see them (ADR 20).
     */
    @Test
    void theDirectiveTableShowsThirtyAndNamesTheRest() throws IOException {
        LocalDateTime issued = LocalDateTime.of(2026, 11, 2, 8, 0);
        for (int n = 0; n < 31; n++) {
            String number = "B" + n + "-" + System.nanoTime() + "/UBND-VP";
            jdbc.sql("""
                    insert into directive (doc_type, field_code, doc_number, subject, place, urgency, status, issue_date, created_at)
                    values ('CONG_VAN', 'VP', ?, ?, 'Gia Lai', 'NORMAL', 'ISSUED', ?, ?)""")
                    .params(number, "Văn bản nhiều " + n, issued.toLocalDate(), issued).update();
            long directive = jdbc.sql("select id from directive where doc_number = ?").param(number).query(Long.class).single();
            jdbc.sql("insert into directive_item (directive_id, position, label, content, deadline, ongoing) values (?, 1, '1', 'Việc', ?, false)")
                    .params(directive, issued.toLocalDate().plusDays(10)).update();
            long item = jdbc.sql("select id from directive_item where directive_id = ?").param(directive).query(Long.class).single();
            // Through the repository, as the fan-out writes them: the tally counts them too.
            assertThat(assignments.insertIfAbsent(directive, item, "SNGV", vn.directivetracker.directive.ResponsibleRole.LEAD,
                    issued.toLocalDate().plusDays(10), issued)).isTrue();
        }
        // Every directive with an assignment by the end of today (the dashboard's default date) has its place in the count.
        int withAssignments = jdbc.sql("select count(distinct directive_id) from assignment where created_at < ?")
                .param(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1).atStartOfDay())
                .query(Integer.class).single();

        browser = chromium();
        browser.get("http://localhost:" + port + "/dashboard/");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("login-form")));
        browser.findElement(By.id("username")).sendKeys("lanhdaoubnd");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("login-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id("directives-hidden")));
        WebElement table = browser.findElement(By.id("directives"));
        new org.openqa.selenium.interactions.Actions(browser).scrollToElement(browser.findElement(By.id("directives-hidden"))).perform();
        Files.write(SCREENSHOTS.resolve("directives-bounded.png"), browser.getScreenshotAs(OutputType.BYTES));

        assertThat(table.findElements(By.cssSelector(".directive-row"))).hasSize(30);
        assertThat(table.findElement(By.tagName("h2")).getText()).startsWith("Văn bản chỉ đạo (" + withAssignments + ")");
        WebElement hidden = browser.findElement(By.id("directives-hidden"));
        assertThat(hidden.getText()).isEqualTo("… và " + (withAssignments - 30)
                + " văn bản khác (xem danh sách văn bản hoặc bảng Excel).");
        assertThat(hidden.findElement(By.linkText("danh sách văn bản")).getAttribute("href")).endsWith("/app/");
        assertThat(hidden.findElement(By.linkText("bảng Excel")).getAttribute("href")).contains("/api/statistics/export.xlsx?asOf=");
    }

    @Test
    void onlyCoordinatorsAndLeadersGetIn() {
        HttpResponse<String> anonymous = new WebSession(port).get("/dashboard/");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        WebSession officer = new WebSession(port);
        officer.login("cbsngv", "demo");
        assertThat(officer.get("/dashboard/").statusCode()).isEqualTo(403);
        WebSession leader = new WebSession(port);
        leader.login("lanhdaoubnd", "demo");
        assertThat(leader.get("/dashboard/").statusCode()).isEqualTo(200);
    }

    private static ChromeDriver chromium() throws IOException {
        FileSystemUtils.deleteRecursively(BROWSER_HOME);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .withEnvironment(Map.of(
                        "XDG_CONFIG_HOME", Files.createDirectories(BROWSER_HOME.resolve("config")).toString(),
                        "XDG_CACHE_HOME", Files.createDirectories(BROWSER_HOME.resolve("cache")).toString()))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1200", "--user-data-dir=" + Files.createDirectories(BROWSER_HOME.resolve("profile")));
        return new ChromeDriver(service, options);
    }
}
