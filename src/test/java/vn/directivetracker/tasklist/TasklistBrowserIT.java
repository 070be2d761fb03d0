package vn.directivetracker.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Elements.*;
import static vn.directivetracker.assignment.AgencyAssignmentProcess.Variables.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;
import vn.directivetracker.assignment.Assignment;
import vn.directivetracker.assignment.AssignmentRepository;
import vn.directivetracker.assignment.ProgressReport;
import vn.directivetracker.directive.DirectiveService;
import vn.directivetracker.support.DirectiveFixtures;
import vn.directivetracker.support.HeadlessChromium;
import vn.directivetracker.support.IntegrationTest;

/**
 * The agency flow through the real Camunda Tasklist in headless Chromium: Sở Ngoại vụ's officer
 * acknowledges the assignment and reports the result through the Camunda Forms, the coordinator then
 * finds the result waiting for review, and another agency's officer does not see Sở Ngoại vụ's task.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian packages {@code chromium},
 * {@code chromium-driver}); Selenium Manager is never asked to download anything. Screenshots of each
 * step go to {@code target/screenshots/TasklistBrowserIT/}; on a failed wait the page source is saved
 * there too.
 */
class TasklistBrowserIT extends IntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "TasklistBrowserIT").toAbsolutePath();
    private static final Path BROWSER_HOME = Path.of("target", "browser").toAbsolutePath();

    private static final String AGENCY_FILTER = "Việc của đơn vị";
    private static final String SUBJECT = "Kiểm thử trình duyệt: tiếp đón đoàn khách quốc tế";
    private static final String PROGRESS_NOTE_TEXT = "Đã đón tiếp 3 đoàn khách, báo cáo kèm theo (nhập qua Tasklist)";

    @LocalServerPort int port;
    @Autowired AssignmentRepository assignments;
    @Autowired DirectiveService directives;

    private Assignment soNgoaiVu;
    private Assignment soTaiChinh;
    private String directiveNumber;
    private WebDriver browser;
    private Path browserSession;
    private WebDriverWait wait;
    private int shot;

    @BeforeEach
    void issueDirectiveToSoNgoaiVuAndSoTaiChinh() throws IOException {
        // Sở Tài chính is a second lead only so that the isolation check sees a non-empty list of its own.
        long directiveId = submitAndIssue(DirectiveFixtures.smallDirective(SUBJECT, List.of("SNGV", "STC"), List.of()));
        List<Assignment> all = assignments.ofDirective(directiveId);
        soNgoaiVu = all.stream().filter(a -> a.agencyCode().equals("SNGV")).findFirst().orElseThrow();
        soTaiChinh = all.stream().filter(a -> a.agencyCode().equals("STC")).findFirst().orElseThrow();
        directiveNumber = directives.get(directiveId).number();
        // Start from an empty folder so the screenshots all belong to this run.
        FileSystemUtils.deleteRecursively(SCREENSHOTS);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() {
        quitBrowser();
    }

    @Test
    void agencyReportsThroughTasklistFormsAndCoordinatorSeesTheResult() {
        String pi = soNgoaiVu.processInstanceId();
        Task acknowledge = task(pi, ACKNOWLEDGE_RECEIPT);
        Task otherAgencyTask = task(soTaiChinh.processInstanceId(), ACKNOWLEDGE_RECEIPT);

        // 1. Isolation (Camunda authorization, ADR 6): while Sở Ngoại vụ's task is open,
        //    Sở Tài chính's officer sees their own task of the same directive, but not Sở Ngoại vụ's.
        login("cbstc");
        openFilter(AGENCY_FILTER);
        waitForTaskInList(otherAgencyTask);
        screenshot("cbstc-task-list");
        assertThat(browser.findElements(taskLink(acknowledge))).as("Sở Ngoại vụ's task shown to cbstc").isEmpty();

        // 2. Sở Ngoại vụ's officer acknowledges the assignment through its form ...
        login("cbsngv");
        openFilter(AGENCY_FILTER);
        waitForTaskInList(acknowledge);
        screenshot("cbsngv-task-list");
        assertThat(browser.findElements(taskLink(otherAgencyTask))).as("Sở Tài chính's task shown to cbsngv").isEmpty();
        // A variable of the same name (as an older instance carries, or a forged one) does not change what the form shows.
        runtimeService.setVariable(pi, DIRECTIVE_NUMBER, "GIẢ-MẠO");
        openTask(acknowledge);
        claimIfOffered();
        WebElement acknowledged = waitFor(ExpectedConditions.elementToBeClickable(formField("Field_acknowledged")),
                "the checkbox 'Đơn vị đã nhận nhiệm vụ'");
        assertThat(formField("Field_directiveSubject").getAttribute("value")).isEqualTo(SUBJECT);
        // Served from our tables when the form opens (ADR 27), over the variable set above.
        assertThat(formField("Field_directiveNumber").getAttribute("value")).isEqualTo(directiveNumber).isNotBlank();
        assertThat(formField("Field_roleLabel").getAttribute("value")).isEqualTo(soNgoaiVu.role().label());
        assertThat(formField("Field_itemOrdinal").getAttribute("value")).isNotBlank();
        acknowledged.click();
        screenshot("cbsngv-acknowledge-form");
        completeTask(acknowledge);
        assertThat(assignments.get(soNgoaiVu.id()).acknowledgedAt()).isNotNull();

        // 3. ... and reports the finished result through the report-progress form.
        Task report = task(pi, REPORT_PROGRESS);
        openTask(report);
        claimIfOffered();
        WebElement note = waitFor(ExpectedConditions.elementToBeClickable(formField("progressNote")),
                "the textarea 'Nội dung kết quả/tiến độ'");
        note.sendKeys(PROGRESS_NOTE_TEXT);
        WebElement percent = formField("Field_progressPercent");
        percent.clear();
        percent.sendKeys("100");
        WebElement ready = formField("Field_resultReady");
        if (!ready.isSelected()) {
            ready.click();
        }
        screenshot("cbsngv-report-progress-form");
        completeTask(report);

        assertThat(taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(APPROVE_RESULT).count())
                .as("process waits for the head's approval").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from progress_report where assignment_id = ? and note = ?")
                .params(soNgoaiVu.id(), PROGRESS_NOTE_TEXT).query(Long.class).single()).isEqualTo(1);
        assertThat(assignments.progressReports(soNgoaiVu.id()))
                .extracting(ProgressReport::note, ProgressReport::percentDone, ProgressReport::finalResult, ProgressReport::reportedBy)
                .containsExactly(tuple(PROGRESS_NOTE_TEXT, 100, true, "cbsngv"));

        // 4. The head approves (through the API); the coordinator then finds the result in Tasklist.
        complete(pi, APPROVE_RESULT, "ldsngv", Map.of(HEAD_DECISION, "APPROVE"));
        Task review = task(pi, REVIEW_RESULT);
        login("dieuphoi");
        openFilter(AGENCY_FILTER);
        assertThat(waitForTaskInList(review).getText()).isEqualTo("Xem xét kết quả");
        screenshot("dieuphoi-task-list");
        openTask(review);
        waitFor(d -> PROGRESS_NOTE_TEXT.equals(formField("Field_progressNote").getAttribute("value")),
                "the reported note in the review form");
        assertThat(formField("Field_agencyName").getAttribute("value")).isEqualTo("Sở Ngoại vụ");
        scrollIntoView(formField("Field_progressNote"));
        screenshot("dieuphoi-review-form");
    }

    // --- browser helpers --------------------------------------------------------------------------

    /** A fresh browser (no cookies, no local storage) per user is the surest "log out". */
    private void login(String user) {
        quitBrowser();
        browser = startBrowser();
        wait = new WebDriverWait(browser, TIMEOUT, Duration.ofMillis(200));
        // The test profile gives every engine a unique name (several contexts share one JVM), so the
        // webapp URL carries that name instead of "default" (which would answer 500 here).
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/" + processEngine.getName() + "/");
        // One login (ADR 6): Tasklist sends the browser to /login and, signed in, back to Tasklist.
        WebElement username = waitFor(ExpectedConditions.elementToBeClickable(By.id("username")), "the login form");
        username.sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        screenshot(user + "-login");
        browser.findElement(By.id("login-submit")).click();
        // The filter column is rendered only for a signed-in user.
        waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")), "Tasklist after login as " + user);
    }

    private void openFilter(String name) {
        By filter = By.xpath("//div[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[normalize-space(text())='" + name + "']");
        waitFor(ExpectedConditions.elementToBeClickable(filter), "filter '" + name + "'").click();
        waitFor(ExpectedConditions.attributeContains(
                By.xpath("//div[contains(@class,'task-filter')][.//a[normalize-space(text())='" + name + "']]"), "class", "active"),
                "filter '" + name + "' selected");
    }

    private WebElement waitForTaskInList(Task task) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(taskLink(task)), "task '" + task.getName() + "' in the list");
    }

    /** Clicks the task's entry in the list; entries link to {@code #/?task=<id>}. */
    private void openTask(Task task) {
        waitFor(ExpectedConditions.elementToBeClickable(taskLink(task)), "task '" + task.getName() + "' in the list").click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details h2, .task-details .names"), task.getName()),
                "details of task '" + task.getName() + "'");
    }

    /**
     * Claims the task as an officer would before working on it (it then also shows in "Việc của tôi").
     * Tasklist keeps the same form elements across the claim, so fields found afterwards stay valid.
     */
    private void claimIfOffered() {
        List<WebElement> claim = browser.findElements(By.cssSelector(".task-details button.claim"));
        if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
            claim.get(0).click();
            waitFor(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".task-details button.claim")), "the claim to finish");
        }
    }

    /** form-js prefixes component ids with a per-form id: the element id ends with "-" + the component id. */
    private WebElement formField(String componentId) {
        return waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id$='-" + componentId + "']")),
                "form field " + componentId);
    }

    private void scrollIntoView(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /** Completes through Tasklist's own button, then waits until the engine and the list agree it is done. */
    private void completeTask(Task task) {
        WebElement complete = waitFor(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".task-details button[ng-click='complete()']")), "the Complete button");
        // A long form pushes the button under Tasklist's fixed footer: bring it to the middle first.
        scrollIntoView(complete);
        complete.click();
        waitFor(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0, "task '" + task.getName() + "' completed");
        waitFor(ExpectedConditions.invisibilityOfElementLocated(taskLink(task)), "task '" + task.getName() + "' gone from the list");
    }

    private static By taskLink(Task task) {
        return By.cssSelector("ol.tasks-list li.task h4.task a[href*='task=" + task.getId() + "']");
    }

    private <T> T waitFor(Function<? super WebDriver, T> condition, String what) {
        try {
            return wait.withMessage("waiting for " + what).until(condition);
        } catch (TimeoutException e) {
            screenshot("FAILED-" + what.replaceAll("[^\\p{L}\\p{N}]+", "-"));
            savePageSource("FAILED-page");
            throw e;
        }
    }

    private void screenshot(String name) {
        if (browser == null) {
            return;
        }
        Path file = SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shot, name));
        try {
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void savePageSource(String name) {
        if (browser == null) {
            return;
        }
        try {
            Files.writeString(SCREENSHOTS.resolve(String.format("%02d-%s.html", shot, name)), browser.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebDriver startBrowser() {
        try {
            Files.createDirectories(BROWSER_HOME);
            browserSession = Files.createTempDirectory(BROWSER_HOME, "session-");
            return HeadlessChromium.start(browserSession);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void quitBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
            // The profile is ~10 MB a session; the chromedriver log stays for diagnosis.
            FileSystemUtils.deleteRecursively(browserSession.resolve("profile").toFile());
        }
    }
}
