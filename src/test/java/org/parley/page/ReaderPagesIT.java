package org.parley.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.parley.Api;
import org.parley.report.WireReport;

/**
 * A reader's pages in a real Chromium against the packaged application: what each shows is compared with what the
 * API answers for the same query, each page is photographed (target/screenshots) and checked by axe-core.
 */
@QuarkusIntegrationTest
class ReaderPagesIT {

    private static final String SEED_TITLE = "Wang Yi and Sergey Lavrov discuss bilateral relations";

    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    private static List<WebElement> all(String css) {
        return browser.driver.findElements(By.cssSelector(css));
    }

    private static WebElement one(String css) {
        return browser.driver.findElement(By.cssSelector(css));
    }

    /** Saves the screenshot, checks it is not blank, runs axe-core and checks the page fits 1280 px. */
    private static void photographAndCheck(String name) throws Exception {
        Path shot = browser.screenshot(name);
        assertTrue(Files.size(shot) > 10_000, name + ": a screenshot of a page with something on it");
        Axe.check(browser.driver, name).assertNoSeriousViolation();
        long scrollWidth = (Long) browser.driver.executeScript("return document.documentElement.scrollWidth");
        long viewport = (Long) browser.driver.executeScript("return window.innerWidth");
        assertTrue(scrollWidth <= viewport, name + ": no horizontal scrolling (" + scrollWidth + " > " + viewport + ")");
    }

    @Test
    void aReaderFiltersEventsByKazakhstanAndOpensTheSeedEvent() throws Exception {
        browser.open("/");
        assertEquals("Events · Parley", browser.driver.getTitle());
        WebElement country = one("#country");
        country.clear();
        country.sendKeys("KZ");
        one("form.filters button[type=submit]").click();
        assertTrue(browser.until(ExpectedConditions.urlContains("country=KZ")), "the filters live in the URL");

        JsonPath api = Api.anonymous().queryParam("country", "KZ").queryParam("size", 20).get("/api/v1/events")
                .then().statusCode(200).extract().jsonPath();
        List<WebElement> rows = all("table.events tbody tr");
        assertEquals(api.getList("items").size(), rows.size(), "one row per event of the API's first page");
        assertEquals(api.getLong("total") + (api.getLong("total") == 1 ? " event" : " events"),
                one("#total").getText());
        assertTrue(rows.stream().allMatch(r -> r.getText().contains("KZ")), "every row involves KZ");
        assertTrue(one(".machine a").getAttribute("href").endsWith("/api/v1/events?country=KZ"), "the JSON link");
        assertTrue(one("#curl").getAttribute("value").contains("/api/v1/events?country=KZ"));
        photographAndCheck("events-kz");

        browser.driver.findElement(By.partialLinkText(SEED_TITLE)).click();
        browser.until(ExpectedConditions.urlMatches("/events/\\d+$"));
        assertTrue(one("h1").getText().startsWith(SEED_TITLE));
        long id = Long.parseLong(browser.driver.getCurrentUrl().replaceFirst(".*/events/", ""));
        JsonPath event = Api.anonymous().get("/api/v1/events/{id}", id).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> said = event.getList("statements");
        assertTrue(said.size() >= 10, "the seed event has every position of its article");
        List<WebElement> shown = all("li.statement");
        assertEquals(said.size(), shown.size(), "every statement is shown");
        for (Map<String, Object> s : said) {
            WebElement li = one("#statement-" + s.get("position"));
            WebElement original = li.findElement(By.cssSelector("blockquote.original"));
            assertEquals(s.get("text"), original.getText());
            assertEquals("fr", original.getAttribute("lang"));
            assertEquals(s.get("translation"), li.findElement(By.cssSelector("blockquote.translation")).getText());
            WebElement speaker = li.findElement(By.xpath("ancestor::section[@class='speaker']/h3"));
            assertTrue(speaker.getText().startsWith((String) s.get("speakerName")), "under its speaker");
        }
        assertTrue(one("#cite").getAttribute("href").contains("/api/v1/events/" + id + "?asOf="));
        assertFalse(all("table.revisions tbody tr").isEmpty(), "its revisions");
        photographAndCheck("event-seed");
    }

    @Test
    void aCountryPageDrawsTheApisCounts() throws Exception {
        browser.open("/countries/KZ?interval=month");
        assertTrue(one("h1").getText().contains("Kazakhstan"));
        List<Map<String, Object>> periods = Api.anonymous().queryParam("country", "KZ")
                .queryParam("interval", "month").queryParam("size", 500).get("/api/v1/stats/timeline")
                .then().statusCode(200).extract().jsonPath().getList("items");
        List<WebElement> bars = all("svg.timeline rect.bar");
        assertFalse(bars.isEmpty());
        assertEquals(periods.size(), bars.size(), "one bar a period");
        for (int i = 0; i < periods.size(); i++) {
            assertEquals(periods.get(i).get("period"), bars.get(i).getAttribute("data-period"));
            assertEquals(String.valueOf(periods.get(i).get("events")), bars.get(i).getAttribute("data-count"));
        }
        WebElement january = one("svg.timeline rect.bar[data-period='2022-01']");
        assertTrue(Integer.parseInt(january.getAttribute("data-count")) >= 1, "the seed event's month");
        assertTrue(january.getSize().getHeight() > 0, "its bar is drawn");

        List<Map<String, Object>> topics = Api.anonymous().queryParam("country", "KZ").queryParam("size", 12)
                .get("/api/v1/stats/topics").then().statusCode(200).extract().jsonPath().getList("items");
        List<WebElement> topicBars = browser.driver.findElements(By.cssSelector("#topics ~ svg rect.bar"));
        assertEquals(topics.size(), topicBars.size());
        for (int i = 0; i < topics.size(); i++) {
            assertEquals(topics.get(i).get("name"), topicBars.get(i).getAttribute("data-label"));
            assertEquals(String.valueOf(topics.get(i).get("events")), topicBars.get(i).getAttribute("data-count"));
        }
        List<Map<String, Object>> dyads = Api.anonymous().queryParam("country", "KZ").queryParam("size", 12)
                .get("/api/v1/stats/dyads").then().statusCode(200).extract().jsonPath().getList("items");
        List<WebElement> pairBars = browser.driver.findElements(By.cssSelector("#partners ~ svg rect.bar"));
        assertEquals(dyads.size(), pairBars.size());
        for (int i = 0; i < dyads.size(); i++) {
            assertEquals(String.valueOf(dyads.get(i).get("events")), pairBars.get(i).getAttribute("data-count"));
        }
        photographAndCheck("country-kz");

        browser.open("/countries/CN/RU");
        assertTrue(one("h1").getText().contains("China") && one("h1").getText().contains("Russia"));
        assertFalse(all("svg.timeline rect.bar").isEmpty());
        photographAndCheck("country-cn-ru");
    }

    @Test
    void aHostileStatementIsShownAsText() throws Exception {
        String hostile = "<script>alert(1)</script>\" onmouseover=\"x";
        long speaker = Api.createParticipant("Hostile \" onmouseover=\"x " + Api.unique("p"), "KZ");
        long other = Api.createParticipant("Listener " + Api.unique("p"), "UZ");
        long id = Api.createEvent(Api.event("Title " + hostile, "MEETING", "2023-05-02", List.of(speaker, other),
                Map.of()));
        Api.createStatement(id, speaker, "Il a dit " + hostile, Map.of("translation", "He said " + hostile));

        browser.open("/events/" + id);
        assertThrows(NoAlertPresentException.class, () -> browser.driver.switchTo().alert(), "no script ran");
        assertEquals("Title " + hostile, one("h1").getText(), "the title, literally");
        assertEquals("Il a dit " + hostile, one("blockquote.original").getText(), "the text, literally");
        assertEquals("He said " + hostile, one("blockquote.translation").getText());
        assertTrue(all("[onmouseover]").isEmpty(), "no attribute was injected");
        assertTrue(all("main script, blockquote *").isEmpty(), "no element was injected");
        new Actions(browser.driver).moveToElement(one("blockquote.original")).perform();
        assertThrows(NoAlertPresentException.class, () -> browser.driver.switchTo().alert());
        photographAndCheck("event-hostile");
    }

    @Test
    void theSpansOfAnImportedReportAreMarkedInTheirSpeakersColours() throws Exception {
        long id = WireReport.imported(Api.unique("wire"));
        browser.open("/events/" + id);
        List<WebElement> marks = all(".report-text mark");
        assertEquals(2, marks.size(), "one mark per statement with a span");
        assertEquals(WireReport.FIRST, marks.get(0).getText());
        assertEquals(WireReport.SECOND, marks.get(1).getText());
        assertNotEquals(marks.get(0).getAttribute("class"), marks.get(1).getAttribute("class"),
                "each speaker has a colour");
        assertTrue(one(".report-text").getText().startsWith("ALMATY, 14 March (Parley Wire)"), "the report's text");
        photographAndCheck("event-report");
    }

    @Test
    void badFiltersAndUnknownPagesAreHtmlPagesWithTheApisMessages() throws Exception {
        browser.open("/events?country=ZZ&from=2023-02-01&to=2023-01-01");
        assertEquals("true", one("#country").getAttribute("aria-invalid"));
        assertTrue(one("#country-error").getText().contains("'ZZ' is not an ISO 3166-1"));
        assertTrue(one("#from-error").getText().contains("must not be after to"));
        assertTrue(all("table.events").isEmpty());
        photographAndCheck("events-invalid");

        browser.open("/countries/XX");
        assertEquals("Not found", one("h1").getText());
        assertTrue(one("#detail").getText().contains("XX"));
        photographAndCheck("not-found");
    }
}
