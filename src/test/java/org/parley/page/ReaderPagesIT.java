package org.parley.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A reader's pages, in a real Chromium against the packaged application. */
@QuarkusIntegrationTest
class ReaderPagesIT {

    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    void theHomePageIsServedWithItsLayout() throws Exception {
        browser.open("/");
        assertEquals("Events · Parley", browser.driver.getTitle());
        assertEquals("Events", browser.driver.findElement(By.tagName("h1")).getText());
        assertTrue(Files.size(browser.screenshot("home")) > 1000, "a screenshot of the page");
    }
}
