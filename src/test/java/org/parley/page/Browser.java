package org.parley.page;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through chromedriver, both Debian's (installed by .ci/run when missing): Selenium is
 * given their paths, so that it never tries to download a browser or a driver. One per test class; close it after.
 */
final class Browser implements AutoCloseable {

    /** Where Debian installs them; {@code PARLEY_CHROMIUM} and {@code PARLEY_CHROMEDRIVER} name others. */
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PARLEY_CHROMIUM", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(
            System.getenv().getOrDefault("PARLEY_CHROMEDRIVER", "/usr/bin/chromedriver"));

    /** How long a test waits for what a click or a key starts (a navigation, a script's answer). */
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Screenshots of the pages the tests saw. */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;

    Browser() {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "the browser tests need Debian's chromium and chromium-driver: apt-get install chromium"
                        + " chromium-driver (.ci/run does)");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                        "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** The application's address of a path: the packaged application the integration tests started. */
    static String url(String path) {
        return RestAssured.baseURI + ":" + RestAssured.port + path;
    }

    /** Opens a path of the application. */
    Browser open(String path) {
        driver.get(url(path));
        return this;
    }

    /**
     * Waits until the condition holds: a click on a link or a submit button returns before the next page is there,
     * so what follows a click waits for it (the URL, an element) instead of reading the page it left.
     */
    <T> T until(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        // the whole page, up to 4,000 px high, at the width of 1280 px
        Dimension window = driver.manage().window().getSize();
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(4000, Math.max(900, height))));
        try {
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            driver.manage().window().setSize(window);
        }
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
