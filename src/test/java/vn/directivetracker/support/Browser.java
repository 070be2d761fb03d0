package vn.directivetracker.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * One person's headless Chromium ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; Selenium
 * Manager never downloads anything) with numbered screenshots, at a desk's width or a phone's, and
 * the page source saved when a wait fails. A fresh browser per person is the surest "log out".
 */
public final class Browser implements AutoCloseable {

    public static final Dimension DESK = new Dimension(1400, 1000);
    public static final Dimension PHONE = new Dimension(390, 844);

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path HOME = Path.of("target", "browser").toAbsolutePath();

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final Path screenshots;
    private final Path session;
    private final int[] shot;

    /** @param shot the counter shared by a test's browsers, so their screenshots sort in order */
    public Browser(Path screenshots, int[] shot) {
        this.screenshots = screenshots;
        this.shot = shot;
        try {
            Files.createDirectories(HOME);
            session = Files.createTempDirectory(HOME, "session-");
            System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .withEnvironment(Map.of(
                            "XDG_CONFIG_HOME", Files.createDirectories(session.resolve("config")).toString(),
                            "XDG_CACHE_HOME", Files.createDirectories(session.resolve("cache")).toString()))
                    .withLogFile(session.resolve("chromedriver.log").toFile())
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--window-size=" + DESK.width + "," + DESK.height, "--lang=vi-VN",
                    "--user-data-dir=" + Files.createDirectories(session.resolve("profile")));
            driver = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        wait = new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(200));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(By by) {
        return waitFor(ExpectedConditions.presenceOfElementLocated(by), by.toString());
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public WebElement clickable(By by) {
        return waitFor(ExpectedConditions.elementToBeClickable(by), by.toString());
    }

    public void click(By by) {
        WebElement element = clickable(by);
        scrollIntoView(element);
        element.click();
    }

    public void type(By by, String text) {
        WebElement element = clickable(by);
        element.clear();
        element.sendKeys(text);
    }

    /** Sets a long value at once (typing 5 000 characters key by key takes a minute) and tells the page. */
    public void setValue(By by, String text) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                find(by), text);
    }

    public void scrollIntoView(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    public <T> T waitFor(Function<? super WebDriver, T> condition, String what) {
        try {
            return wait.withMessage("waiting for " + what).until(condition);
        } catch (TimeoutException e) {
            screenshot("FAILED-" + what.replaceAll("[^\\p{L}\\p{N}]+", "-"));
            try {
                Files.writeString(screenshots.resolve(String.format("%02d-FAILED-page.html", shot[0])), driver.getPageSource(),
                        StandardCharsets.UTF_8);
            } catch (IOException io) {
                e.addSuppressed(io);
            }
            throw e;
        }
    }

    /** A screenshot of the whole page at the current width (the window grows to the page's height, at most 6000 px). */
    public Path screenshot(String name) {
        Path file = screenshots.resolve(String.format("%02d-%s.png", ++shot[0], name));
        Dimension window = driver.manage().window().getSize();
        try {
            Files.createDirectories(screenshots);
            Number height = (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;");
            int full = Math.min(6000, height.intValue() + (window.height - viewportHeight()));
            if (full > window.height) {
                driver.manage().window().setSize(new Dimension(window.width, full));
            }
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(window);
        }
        return file;
    }

    private int viewportHeight() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return window.innerHeight;")).intValue();
    }

    /** Screenshots at a desk's width and at a phone's, then back to the desk. */
    public void screenshots(String name) {
        screenshot(name + "-desk");
        driver.manage().window().setSize(PHONE);
        screenshot(name + "-phone");
        driver.manage().window().setSize(DESK);
    }

    @Override
    public void close() {
        driver.quit();
        FileSystemUtils.deleteRecursively(session.resolve("profile").toFile());
    }
}
