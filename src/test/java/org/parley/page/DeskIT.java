package org.parley.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.parley.Api;

/**
 * The curator's desk and its sign-in page, in a real Chromium against the packaged application: a curator signs in,
 * pastes a report, corrects its draft on the report and publishes it; anyone else sees a sign-in prompt; a wrong
 * password and the API's problems are shown where they belong. Screenshots under target/screenshots; axe-core finds
 * no serious or critical violation.
 */
@QuarkusIntegrationTest
class DeskIT {

    /** A wire report written for this test (not a published article): a phone call of the two seed ministers. */
    static final String REPORT = """
            MOSCOW, May 16 (Wire) -- Russian Foreign Minister Sergey Lavrov on Tuesday held a phone conversation \
            with Chinese Foreign Minister Wang Yi on grain shipments and the situation in Central Asia.

            Lavrov said that Moscow values the steady dialogue with Beijing and intends to keep trade routes \
            through the region open.

            Wang said China is ready to coordinate closely with Russia on regional security, adding that the two \
            countries share responsibility for stability in their neighbourhood.

            Noting that several ports remain closed, Lavrov said the parties should look for practical solutions \
            before the summer harvest.

            The two ministers agreed to stay in contact.
            """;

    /** Another report written for this test, of the seed event's call: its draft lists the seed event as a duplicate. */
    static final String SEED_CALL_REPORT = """
            BEIJING, Jan. 11 (Wire) -- Chinese Foreign Minister Wang Yi held a phone call with Russian Foreign \
            Minister Sergey Lavrov on Monday about the unrest in Kazakhstan.

            Wang said that China firmly supports the efforts of the Kazakh authorities to restore order.
            """;


    private static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    /** Each test starts signed out. */
    @BeforeEach
    void signedOut() {
        browser.open("/sign-in");
        browser.driver.manage().deleteAllCookies();
    }

    @Test
    void anAnonymousVisitorIsPromptedToSignInAndGetsNoTools() throws Exception {
        browser.open("/desk");
        assertEquals("Curator's desk · Parley", browser.driver.getTitle());
        WebElement prompt = browser.driver.findElement(By.id("sign-in-prompt"));
        assertTrue(prompt.getText().contains("Sign in to use the desk"), prompt.getText());
        assertEquals("/sign-in?next=/desk", prompt.findElement(By.linkText("Sign in as a curator"))
                .getDomAttribute("href"));
        // no tools: neither the report form nor the draft panel nor the desk's script
        assertTrue(browser.driver.findElements(By.id("report-form")).isEmpty());
        assertTrue(browser.driver.findElements(By.id("draft-form")).isEmpty());
        assertTrue(browser.driver.findElements(By.cssSelector("script[src='/assets/desk.js']")).isEmpty());
        assertEquals("Sign in", browser.driver.findElement(By.cssSelector("header .session a")).getText());
        browser.screenshot("desk-anonymous");
        assertNoSeriousViolations("desk-anonymous");
    }

    @Test
    void aWrongPasswordShowsAnErrorAndOpensNoSession() throws Exception {
        browser.open("/sign-in?next=/desk");
        assertNoSeriousViolations("sign-in");
        browser.driver.findElement(By.id("j_username")).sendKeys(Api.EDITOR);
        browser.driver.findElement(By.id("j_password")).sendKeys("not-the-password", Keys.ENTER);
        WebElement error = wait(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error")));
        assertTrue(error.getText().contains("do not match"), error.getText());
        WebElement password = browser.driver.findElement(By.id("j_password"));
        assertEquals("true", password.getDomAttribute("aria-invalid"));
        assertEquals("sign-in-error", password.getDomAttribute("aria-describedby"));
        assertEquals("", password.getDomProperty("value"), "the wrong password is cleared");
        assertTrue(browser.driver.getCurrentUrl().endsWith("/sign-in?next=/desk"), "no password in the URL");
        assertNull(browser.driver.manage().getCookieNamed("parley-session"), "no session");
        browser.screenshot("sign-in-error");
        browser.open("/desk");
        assertFalse(browser.driver.findElements(By.id("sign-in-prompt")).isEmpty(), "still signed out");
    }

    @Test
    void aCuratorDraftsCorrectsAndPublishesAReport() throws Exception {
        signIn();
        assertEquals("Signed in as editor", browser.driver.findElement(By.cssSelector("header .session span"))
                .getText());
        String url = "https://wire.example/2023/05/16/" + Api.unique("lavrov-wang-call");
        draft(REPORT, url, "Wire", "2023-05-16T18:40:00+03:00");

        // every statement of the draft is a mark on the report, in its speaker's colour, with the statement's text
        List<WebElement> marks = browser.driver.findElements(By.cssSelector("#report-view mark"));
        List<WebElement> statements = browser.driver.findElements(By.cssSelector("#statement-list > li"));
        assertEquals(4, statements.size(), "the draft's statements");
        assertEquals(statements.size(), marks.size(), "a mark per statement");
        assertEquals("Moscow values the steady dialogue with Beijing and intends to keep trade routes through the"
                + " region open.", marks.get(0).getText());
        assertEquals("speaker-0", marks.get(0).getDomAttribute("class"), "Lavrov, the first participant");
        assertEquals("speaker-1", marks.get(2).getDomAttribute("class"), "Wang Yi, the second");
        assertEquals(REPORT, browser.driver.executeScript("const view = document.getElementById('report-view')"
                + ".cloneNode(true); view.querySelectorAll('sup').forEach(n => n.remove()); return view.textContent;"),
                "the report is shown whole, the marks' numbers aside");
        assertEquals("2023-05-16", value("doc.events[0].date"));
        assertEquals("PHONE_CALL", new Select(byId("doc.events[0].type")).getFirstSelectedOption()
                .getDomAttribute("value"));
        assertEquals(Boolean.TRUE, browser.driver.executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth"), "no wider than 1280 px");
        assertEveryControlIsReachedByTab();
        browser.driver.executeScript("document.getElementById('draft').scrollIntoView()");
        browser.screenshot("desk-draft");
        assertNoSeriousViolations("desk-draft");

        // the curator gives the third statement to Lavrov, by keyboard
        WebElement speaker = byId("doc.statements[2].speaker");
        assertEquals("Wang Yi", new Select(speaker).getFirstSelectedOption().getText());
        new Select(speaker).selectByVisibleText("Sergey Lavrov");
        assertEquals("speaker-0", browser.driver.findElements(By.cssSelector("#report-view mark")).get(2)
                .getDomAttribute("class"), "the mark takes its new speaker's colour");
        String word = Api.unique("take").replace("-", ""); // a word of this run's title, for the search
        String title = "Sergey Lavrov and Wang Yi discuss grain shipments, " + word;
        byId("doc.events[0].title").clear();
        byId("doc.events[0].title").sendKeys(title);
        assertFalse(byId("publish").isEnabled(), "no publishing before a dry run");

        // the dry run says what would be created, and changes nothing
        byId("dry-run").sendKeys(Keys.ENTER);
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("import-result"), "dry run"));
        assertEquals("1", byId("result-events-created").getText());
        assertEquals("4", byId("result-statements-created").getText());
        assertEquals("0", byId("result-participants-created").getText(), "both ministers are stored");
        browser.screenshot("desk-dry-run");
        assertTrue(Api.anonymous().queryParam("q", word).get("/api/v1/events").then().statusCode(200).extract()
                .jsonPath().getList("items").isEmpty(), "a dry run writes nothing");

        // publishing for real
        WebElement publish = wait(ExpectedConditions.elementToBeClickable(By.id("publish")));
        publish.sendKeys(Keys.ENTER);
        WebElement link = wait(ExpectedConditions.visibilityOfElementLocated(By.id("published-link")));
        assertTrue(byId("import-result").getText().contains("Published"));
        assertEquals("1", byId("result-events-created").getText());
        browser.screenshot("desk-published");

        // the reader finds it in the list of events, with the corrected speaker and the report marked
        String href = link.getDomAttribute("href");
        browser.open("/events?from=2023-05-16&to=2023-05-16&q=" + word);
        WebElement row = browser.driver.findElement(By.partialLinkText(title));
        assertEquals(href, row.getDomAttribute("href"));
        row.sendKeys(Keys.ENTER);
        wait(ExpectedConditions.urlToBe(Browser.url(href)));
        assertTrue(browser.driver.findElement(By.tagName("h1")).getText().startsWith(title));
        WebElement corrected = browser.driver.findElement(By.xpath("//li[contains(@class, 'statement')]"
                + "[.//blockquote[contains(@class, 'original')][starts-with(normalize-space(.), 'the two countries')]]"));
        assertTrue(corrected.findElement(By.xpath("ancestor::section[@class='speaker']/h3")).getText()
                .startsWith("Sergey Lavrov"), "the corrected speaker");
        assertEquals(4, browser.driver.findElements(By.cssSelector("section.report mark")).size(),
                "the report's text was published with its source: every statement marked on it");
        browser.screenshot("desk-published-event");
        long id = Long.parseLong(href.replaceFirst(".*/events/", ""));
        JsonPath event = Api.anonymous().get("/api/v1/events/{id}", id).then().statusCode(200).extract().jsonPath();
        assertEquals(url, event.getString("sources[0].url"));
        assertEquals(4, event.getList("statements").size());
        assertEquals(List.of(211, 315), List.of(event.getInt("statements[0].span.start"),
                event.getInt("statements[0].span.end")), "spans kept");
    }

    @Test
    void splittingAndDroppingStatementsKeepTheirSpansOnTheReport() throws Exception {
        signIn();
        draft(REPORT, "https://wire.example/2023/05/16/" + Api.unique("split"), "Wire", "2023-05-16T18:40:00+03:00");
        // split the first statement after "Beijing" (keyboard: open the details, type the offset, Enter)
        WebElement summary = browser.driver.findElement(By.cssSelector("#doc\\.statements\\[0\\] details summary"));
        summary.sendKeys(Keys.ENTER);
        WebElement offset = byId("doc.statements[0].split");
        String first = "Moscow values the steady dialogue with Beijing";
        offset.sendKeys(Keys.chord(Keys.CONTROL, "a"), Integer.toString(first.length() + 1), Keys.ENTER);
        List<WebElement> marks = browser.driver.findElements(By.cssSelector("#report-view mark"));
        assertEquals(5, marks.size());
        assertEquals(first, marks.get(0).getText());
        assertEquals("and intends to keep trade routes through the region open.", marks.get(1).getText());
        // drop the last statement
        byId("doc.statements[4]").findElement(By.cssSelector("button.drop")).sendKeys(Keys.ENTER);
        assertEquals(4, browser.driver.findElements(By.cssSelector("#report-view mark")).size());
        assertEquals(4, browser.driver.findElements(By.cssSelector("#statement-list > li")).size());
        byId("dry-run").sendKeys(Keys.ENTER);
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("import-result"), "dry run"));
        assertEquals("4", byId("result-statements-created").getText(), "the import takes the split spans");
    }

    @Test
    void aHostileReportIsShownAsText() throws Exception {
        signIn();
        String hostile = "<img src=x onerror=\"window.pwned=1\"> and <script>window.pwned=2</script> are \"welcome' here";
        String report = REPORT.replace("Moscow values the steady dialogue", hostile + ", and Moscow values the dialogue");
        draft(report, "https://wire.example/2023/05/16/" + Api.unique("hostile"), "Wire", "2023-05-16T18:40:00+03:00");
        WebElement view = byId("report-view");
        assertTrue(view.findElements(By.cssSelector("img, script")).isEmpty(), "no markup from the report");
        assertTrue(byId("statement-list").findElements(By.cssSelector("img, script")).isEmpty());
        assertTrue(view.findElements(By.tagName("mark")).get(0).getText().startsWith(hostile),
                view.findElements(By.tagName("mark")).get(0).getText());
        assertTrue(byId("doc.statements[0].text").getText().startsWith(hostile));
        assertNull(browser.driver.executeScript("return window.pwned === undefined ? null : window.pwned"));
    }

    @Test
    void problemsAreShownNextToTheFieldTheyName() throws Exception {
        signIn();
        // the draft refuses an empty text: the problem is next to the text box
        byId("draft.publisher").sendKeys("Wire");
        byId("draft-button").sendKeys(Keys.ENTER);
        WebElement text = wait(ExpectedConditions.attributeToBe(By.id("draft.text"), "aria-invalid", "true"))
                ? byId("draft.text") : null;
        assertNotNull(text);
        String describedBy = text.getDomAttribute("aria-describedby");
        assertNotNull(describedBy);
        WebElement message = byId(describedBy);
        assertTrue(message.getText().contains("must not be blank"), message.getText());
        assertEquals(text, browser.driver.switchTo().activeElement(), "focus on the field to correct");
        browser.screenshot("desk-problem");

        // the import refuses a statement whose speaker is no participant: shown next to that statement's speaker
        draft(REPORT, "https://wire.example/2023/05/16/" + Api.unique("problem"), "", "2023-05-16T18:40:00+03:00");
        assertEquals(null, byId("draft.text").getDomAttribute("aria-invalid"), "the draft's problem is gone");
        byId("doc.events[0].participants[1]").findElement(By.tagName("button")).sendKeys(Keys.ENTER); // Wang Yi
        byId("dry-run").sendKeys(Keys.ENTER);
        WebElement speaker = wait(ExpectedConditions.attributeToBe(By.id("doc.statements[1].speaker"),
                "aria-invalid", "true")) ? byId("doc.statements[1].speaker") : null;
        assertNotNull(speaker);
        WebElement speakerProblem = byId(speaker.getDomAttribute("aria-describedby"));
        assertTrue(speakerProblem.getText().contains("parley-seed-wang-yi"), speakerProblem.getText());
        assertTrue(byId("desk-problems").getText().contains("Bad Request")
                || byId("desk-problems").isDisplayed(), "the problem's title above the desk");
        assertEquals("", byId("import-result").getText(), "nothing counted");
        assertFalse(byId("publish").isEnabled());
        browser.screenshot("desk-import-problem");
        assertNoSeriousViolations("desk-problems");
    }

    @Test
    void aReportOfAStoredEventIsMergedIntoIt() throws Exception {
        signIn();
        draft(SEED_CALL_REPORT, "https://wire.example/2022/01/11/" + Api.unique("wang-lavrov"), "Wire",
                "2022-01-11T10:00:00+08:00");
        WebElement duplicates = wait(ExpectedConditions.visibilityOfElementLocated(By.id("duplicates")));
        WebElement merge = duplicates.findElement(By.tagName("button"));
        assertTrue(merge.getText().startsWith("Merge into"), merge.getText());
        merge.sendKeys(Keys.ENTER);
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-summary"), "Merged into"));
        assertEquals("2022-01-10", value("doc.events[0].date"), "the stored event's date");
        byId("dry-run").sendKeys(Keys.ENTER);
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("import-result"), "dry run"));
        assertEquals("0", byId("result-events-created").getText());
        assertEquals("1", byId("result-events-updated").getText(), "the stored event gains a source");
        assertEquals("1", byId("result-statements-created").getText(), "numbered after the stored ones");
        browser.screenshot("desk-merge");
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        signIn();
        browser.driver.findElement(By.cssSelector("header form.sign-out button")).sendKeys(Keys.ENTER);
        wait(ExpectedConditions.urlToBe(Browser.url("/")));
        assertEquals("Sign in", browser.driver.findElement(By.cssSelector("header .session a")).getText());
        browser.open("/desk");
        assertFalse(browser.driver.findElements(By.id("sign-in-prompt")).isEmpty());
    }

    // -----------------------------------------------------------------------------------------------------------

    /** Signs in as the editor through the sign-in page, by keyboard, and lands on the desk. */
    private static void signIn() throws Exception {
        browser.open("/sign-in?next=/desk");
        browser.driver.findElement(By.id("j_username")).sendKeys(Api.EDITOR, Keys.TAB, Api.PASSWORD, Keys.ENTER);
        wait(ExpectedConditions.presenceOfElementLocated(By.id("report-form")));
        assertTrue(browser.driver.getCurrentUrl().endsWith("/desk"));
        assertNotNull(browser.driver.manage().getCookieNamed("parley-session"));
        assertTrue(browser.driver.manage().getCookieNamed("parley-session").isHttpOnly());
    }

    /** Tab goes through every control of the page (those of closed details once opened), each with a focus outline. */
    private static void assertEveryControlIsReachedByTab() {
        long controls = (Long) browser.driver.executeScript("let n = 0; for (const e of document.querySelectorAll("
                + "'a[href], button:not([disabled]), input, select, textarea, summary, [tabindex=\"0\"]')) {"
                + " const closed = e.closest('details:not([open])') && !e.closest('summary');" // opened to use
                + " if (e.getClientRects().length && !closed) { e.dataset.tabCheck = n++; } } return n;");
        browser.driver.executeScript("document.activeElement.blur(); window.scrollTo(0, 0);");
        java.util.Set<String> reached = new java.util.HashSet<>();
        for (int i = 0; i < 2 * controls + 10; i++) { // a date input takes a Tab per part
            browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement focused = browser.driver.switchTo().activeElement();
            String mark = focused.getDomAttribute("data-tab-check");
            if (mark != null) {
                reached.add(mark);
                assertFalse(focused.getCssValue("outline-style").equals("none"), "a visible focus on "
                        + focused.getTagName() + "#" + focused.getDomAttribute("id") + " " + focused.getText());
            }
        }
        assertEquals(controls, reached.size(), "every control is reached by Tab");
    }

    /** Pastes a report with what is known of it and waits for its draft. */
    private static void draft(String report, String url, String publisher, String publishedAt) {
        byId("draft.url").sendKeys(url);
        byId("draft.publisher").sendKeys(publisher);
        byId("draft.publishedAt").sendKeys(publishedAt);
        // pasting: the text is set as a whole, as a paste does, then announced to the page
        browser.driver.executeScript("const t = document.getElementById('draft.text'); t.value = arguments[0];"
                + " t.dispatchEvent(new Event('input', {bubbles: true}));", report);
        byId("draft-button").sendKeys(Keys.ENTER);
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-status"), "Drafted"));
    }

    private static WebElement byId(String id) {
        return browser.driver.findElement(By.id(id));
    }

    private static String value(String id) {
        return byId(id).getDomProperty("value");
    }

    private static <T> T wait(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return browser.until(condition);
    }

    private static void assertNoSeriousViolations(String name) {
        Axe.check(browser.driver, name).assertNoSeriousViolation();
    }
}
