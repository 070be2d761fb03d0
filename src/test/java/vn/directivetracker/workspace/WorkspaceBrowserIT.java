package vn.directivetracker.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.FileSystemUtils;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.directive.Directive;
import vn.directivetracker.directive.DirectiveIssuanceProcess;
import vn.directivetracker.directive.DirectiveStatus;
import vn.directivetracker.support.Browser;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.IntegrationTest;

/**
 * The workspace in headless Chromium, as people use it: the coordinator pastes the seed letter,
 * corrects one proposed value and sends it for review; the office leader, the provincial leader and
 * the records office take it through Tasklist; the detail page then shows every one of its 163
 * assignments; the coordinator amends a deadline of a second directive and revokes it from its page;
 * Sở Ngoại vụ's officer sees only Sở Ngoại vụ's rows. Screenshots of every page at a desk's and a
 * phone's width go to {@code target/screenshots/WorkspaceBrowserIT/}.
 */
class WorkspaceBrowserIT extends IntegrationTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "WorkspaceBrowserIT").toAbsolutePath();
    private static final String SEED_LETTER = "letters/000_64367c801dd90015.txt";
    private static final String CORRECTED_SUBJECT = "Triển khai Hướng dẫn công tác thông tin đối ngoại năm 2026";
    private static final String AGENCY_FILTER = "Việc của đơn vị";

    @LocalServerPort int port;
    @Autowired AssignmentRepository assignments;

    private final int[] shot = {0};
    private Browser browser;

    @BeforeEach
    void emptyScreenshotFolder() throws IOException {
        FileSystemUtils.deleteRecursively(SCREENSHOTS);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void coordinatorEntersTheSeedLetterLeadersIssueItAndEveryoneFollowsIt() throws IOException {
        // 1. The coordinator pastes the letter and lets the parser propose the breakdown.
        signIn("dieuphoi");
        browser.click(By.id("nav-new"));
        browser.setValue(By.id("letter-text"), seedLetter());
        browser.click(By.id("parse-submit"));
        assertThat(browser.find(By.id("parsed-summary")).getText()).contains("3 mục");
        assertThat(browser.all(By.cssSelector("fieldset.item"))).hasSize(3);
        browser.screenshots("dieuphoi-proposal");

        // 2. ... corrects one proposed value (the subject) and sends the draft for review.
        long before = count("directive");
        browser.type(By.id("subject"), CORRECTED_SUBJECT);
        browser.click(By.id("submit-directive"));
        browser.find(By.id("directive-status"));
        assertThat(count("directive")).isEqualTo(before + 1);
        long id = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/app/directives/(\\d+).*", "$1"));
        Directive submitted = directiveService.get(id);
        assertThat(submitted.subject()).isEqualTo(CORRECTED_SUBJECT);
        assertThat(submitted.status()).isEqualTo(DirectiveStatus.IN_REVIEW);
        assertThat(browser.find(By.id("directive-status")).getText()).isEqualTo("Đang kiểm tra dự thảo");
        browser.screenshots("dieuphoi-submitted");

        // 3. Office leader reviews, provincial leader signs, records office numbers and issues: in Tasklist.
        String issuance = submitted.issuanceProcessInstanceId();
        completeInTasklist("lanhdaovp", issuance, DirectiveIssuanceProcess.Elements.REVIEW_DRAFT, "Field_reviewDecision-0");
        completeInTasklist("lanhdaoubnd", issuance, DirectiveIssuanceProcess.Elements.SIGN_DIRECTIVE, "Field_signDecision-0");
        completeInTasklist("vanthu", issuance, DirectiveIssuanceProcess.Elements.REGISTER_AND_ISSUE, "Field_registered");
        executeJobs();
        assertThat(directiveService.get(id).status()).isEqualTo(DirectiveStatus.ISSUED);

        // 4. The detail page shows every assignment of the letter.
        signIn("dieuphoi");
        browser.open(url("/app/directives/" + id));
        List<Assignment> all = assignments.ofDirective(id);
        assertThat(all).hasSize(163);
        assertThat(browser.all(By.cssSelector("tr.assignment-row"))).hasSize(all.size());
        assertThat(browser.find(By.id("document")).getText()).contains(directiveService.get(id).number(), "Kính gửi:", "Nơi nhận:");
        browser.screenshots("dieuphoi-detail");
        browser.open(url("/app/"));
        assertThat(browser.find(By.cssSelector("tr.directive-row[data-id='" + id + "']")).getText()).contains("0/163");
        browser.screenshots("dieuphoi-list");

        // 5. A second directive: the coordinator moves its deadline, then revokes it, from its page.
        long second = submitAndIssue(DirectiveFixtures.withDeadline("Kiểm thử không gian làm việc: điều chỉnh và thu hồi",
                List.of("SNGV", "STC"), LocalDate.now().plusMonths(2)));
        LocalDate newDeadline = LocalDate.now().plusMonths(3).withDayOfMonth(10);
        browser.open(url("/app/directives/" + second));
        browser.click(By.cssSelector("#amend summary"));
        browser.type(By.id("amend-deadline"), FormValues.format(newDeadline));
        browser.type(By.id("amend-reason"), "Đơn vị cần thêm thời gian khảo sát");
        browser.screenshot("dieuphoi-amend-form");
        browser.click(By.id("amend-submit"));
        assertThat(browser.find(By.id("action-done")).getText()).contains("Đã điều chỉnh mục 1");
        assertThat(assignments.ofDirective(second)).extracting(Assignment::deadline).allSatisfy(deadline ->
                assertThat(deadline).isAfterOrEqualTo(newDeadline).isBefore(newDeadline.plusDays(5)));
        browser.click(By.cssSelector("#revoke summary"));
        browser.type(By.id("revoke-reason"), "Ban hành nhầm, thay bằng văn bản khác");
        browser.click(By.id("revoke-submit"));
        browser.driver().switchTo().alert().accept();
        // The amendment's "Đã điều chỉnh mục 1" stays on the page until the revocation's answer replaces it.
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("action-done"), "Đã thu hồi"),
                "the revocation's confirmation");
        assertThat(directiveService.get(second).status()).isEqualTo(DirectiveStatus.REVOKED);
        assertThat(assignments.ofDirective(second)).allSatisfy(a -> assertThat(a.cancelledAt()).isNotNull());
        assertThat(browser.find(By.id("history")).getText()).contains("Điều chỉnh thời hạn", "Thu hồi văn bản");
        browser.screenshots("dieuphoi-revoked");

        // 6. Sở Ngoại vụ's officer sees the letter, and only Sở Ngoại vụ's rows of it.
        signIn("cbsngv");
        assertThat(browser.all(By.cssSelector("tr.directive-row[data-id='" + id + "']"))).hasSize(1);
        assertThat(browser.all(By.id("nav-new"))).isEmpty();
        browser.screenshots("cbsngv-list");
        browser.open(url("/app/directives/" + id));
        List<WebElement> rows = browser.all(By.cssSelector("tr.assignment-row"));
        long own = all.stream().filter(a -> a.agencyCode().equals("SNGV")).count();
        assertThat(own).isGreaterThan(0);
        assertThat(rows).hasSize((int) own).allSatisfy(row -> assertThat(row.getAttribute("data-agency")).isEqualTo("SNGV"));
        assertThat(browser.all(By.id("actions"))).isEmpty();
        browser.screenshots("cbsngv-detail");

        // 7. Own delegations for everyone; holidays for administrators.
        browser.open(url("/app/delegations"));
        browser.find(By.id("delegation-form"));
        browser.screenshots("cbsngv-delegations");
        signIn("admin");
        browser.open(url("/app/holidays?year=2026"));
        assertThat(browser.all(By.cssSelector("tr.holiday-row"))).isNotEmpty();
        browser.screenshots("admin-holidays");
    }

    private void signIn(String user) {
        closeBrowser();
        browser = new Browser(SCREENSHOTS, shot);
        browser.open(url("/app/"));
        browser.type(By.id("username"), user);
        browser.type(By.id("password"), "demo");
        if (shot[0] == 0) {
            browser.screenshots("login");
        }
        browser.click(By.id("login-submit"));
        browser.find(By.cssSelector("header.top"));
    }

    /** The person opens their task in Camunda Tasklist, picks the form's first choice and completes it. */
    private void completeInTasklist(String user, String processInstanceId, String taskKey, String choice) {
        Task task = task(processInstanceId, taskKey);
        closeBrowser();
        browser = new Browser(SCREENSHOTS, shot);
        browser.open(url("/camunda/app/tasklist/" + processEngine.getName() + "/"));
        // One login (ADR 6): Tasklist sends the browser to /login and back.
        browser.type(By.id("username"), user);
        browser.type(By.id("password"), "demo");
        browser.click(By.id("login-submit"));
        By filter = By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[normalize-space(text())='"
                + AGENCY_FILTER + "']");
        browser.click(filter);
        By link = By.cssSelector("ol.tasks-list li.task h4.task a[href*='task=" + task.getId() + "']");
        browser.click(link);
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".task-details h2, .task-details .names"), task.getName()), "details of " + task.getName());
        List<WebElement> claim = browser.all(By.cssSelector(".task-details button.claim"));
        if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
            claim.get(0).click();
            browser.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".task-details button.claim")), "claim");
        }
        browser.click(By.cssSelector("[id$='-" + choice + "']"));
        browser.screenshot(user + "-tasklist-" + taskKey);
        browser.click(By.cssSelector(".task-details button[ng-click='complete()']"));
        browser.waitFor(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0, task.getName() + " completed");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String seedLetter() throws IOException {
        return new String(new ClassPathResource(SEED_LETTER).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
