package org.parley.page;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The accessibility check of a page in the browser: axe-core (npm, a devDependency of {@code contract/}, which
 * {@code ./mvnw verify} installs with {@code npm ci} before the integration tests) is injected into the page as it
 * stands and run on the WCAG 2.0/2.1 A and AA rules and axe's best practices. {@link #check} answers the figures
 * and appends them to {@code target/axe.txt}; {@link Result#assertNoSeriousViolation} fails on any violation of
 * impact {@code serious} or {@code critical}. For any page of any test: {@code Axe.check(driver, "desk").assertNoSeriousViolation()}.
 */
public final class Axe {

    /** Where {@code npm ci} in contract/ puts axe-core. */
    public static final Path SCRIPT = Path.of("contract", "node_modules", "axe-core", "axe.min.js");
    /** The figures of every page checked in this build, one line a page. */
    public static final Path REPORT = Path.of("target", "axe.txt");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',
                'best-practice']}, resultTypes: ['violations']})
              .then(r => done(JSON.stringify({
                  version: axe.version,
                  violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                      nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})),
                  passes: r.passes.length, incomplete: r.incomplete.length, inapplicable: r.inapplicable.length})))
              .catch(e => done(JSON.stringify({error: String(e)})));
            """;

    /** One page's figures: violations by impact, and how many rules passed, were incomplete or did not apply. */
    public record Result(String page, String version, Map<String, Integer> violationsByImpact,
            List<String> violations, int passed, int incomplete, int inapplicable) {

        /** Rules that applied to the page: those it passed, failed or left to a person. */
        public int rulesChecked() {
            return passed + incomplete + violations.size();
        }

        public List<String> serious() {
            return violations.stream().filter(v -> v.startsWith("serious ") || v.startsWith("critical ")).toList();
        }

        public Result assertNoSeriousViolation() {
            assertTrue(serious().isEmpty(), page + ": axe finds serious or critical violations: " + serious());
            return this;
        }

        @Override
        public String toString() {
            return page + ": axe-core " + version + ", " + rulesChecked() + " rules applied (" + passed + " passed, "
                    + incomplete + " to review, " + inapplicable + " not applicable); violations by impact "
                    + violationsByImpact + (violations.isEmpty() ? "" : " " + violations);
        }
    }

    private Axe() {
    }

    /** Runs axe-core on the page the driver shows; {@code page} names it in the report. */
    public static Result check(WebDriver driver, String page) {
        assertTrue(Files.isRegularFile(SCRIPT), "axe-core is missing: run npm ci in contract/ (./mvnw verify does)");
        JavascriptExecutor js = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        try {
            js.executeScript(Files.readString(SCRIPT));
            JsonNode answer = JSON.readTree((String) js.executeAsyncScript(RUN));
            assertTrue(answer.path("error").isMissingNode(), "axe-core failed: " + answer.path("error").asText());
            Map<String, Integer> byImpact = new TreeMap<>(Map.of("critical", 0, "serious", 0, "moderate", 0,
                    "minor", 0));
            List<String> violations = new ArrayList<>();
            for (JsonNode v : answer.path("violations")) {
                String impact = v.path("impact").asText("minor");
                byImpact.merge(impact, 1, Integer::sum);
                violations.add(impact + " " + v.path("id").asText() + " (" + v.path("help").asText() + ") at "
                        + v.path("nodes"));
            }
            Result result = new Result(page, answer.path("version").asText(), byImpact, violations,
                    answer.path("passes").asInt(), answer.path("incomplete").asInt(),
                    answer.path("inapplicable").asInt());
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, result + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.out.println("[axe] " + result);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
