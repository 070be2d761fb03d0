package vn.directivetracker.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's headless Chromium ({@code /usr/bin/chromium} + {@code /usr/bin/chromedriver}, Debian
 * packages {@code chromium}, {@code chromium-driver}); Selenium Manager is never asked to download anything.
 * The browser runs in English (--lang=en-US) on Vietnamese time (TZ=Asia/Ho_Chi_Minh): the webapps must
 * speak Vietnamese whatever the browser's language, and show the province's local time.
 */
public final class HeadlessChromium {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final String TIME_ZONE = "Asia/Ho_Chi_Minh";

    private HeadlessChromium() {}

    /** A fresh browser with its profile, cache and driver log under {@code home}. */
    public static ChromeDriver start(Path home) throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withEnvironment(Map.of(
                        "TZ", TIME_ZONE,
                        "XDG_CONFIG_HOME", Files.createDirectories(home.resolve("config")).toString(),
                        "XDG_CACHE_HOME", Files.createDirectories(home.resolve("cache")).toString()))
                .withLogFile(home.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--lang=en-US",
                "--user-data-dir=" + Files.createDirectories(home.resolve("profile")));
        return new ChromeDriver(service, options);
    }
}
