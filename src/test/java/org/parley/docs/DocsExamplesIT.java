package org.parley.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.parley.Api;
import org.parley.docs.Markdown.Command;

/**
 * Every example of README.md and docs/ runs against the packaged application, so that none rots. The rule: the
 * commands of blocks fenced {@code bash} (or {@code sh}) run, one Markdown file at a time as one bash script, in a
 * temporary directory where {@code src} links to the repository's (for {@code @src/test/resources/...}); blocks of
 * other languages ({@code console}: the build, Docker, PostgreSQL, HAProxy) do not, and {@code DocsTest} holds them
 * to having no curl. A command breaks when it exits non-zero (pipes included) or when one of its requests answers
 * another status than any 2xx, or than the one its trailing comment names ({@code # 400: unknown country}).
 *
 * <p>The examples are written for {@code PARLEY_EDITOR_PASSWORD=secret} on {@code localhost:8080}: the script gets
 * this application's address and password instead. They run in the database the other integration tests write in,
 * and in it again on a second {@code verify} without {@code clean}: they read the seed and make, then delete, records
 * of their own, and their import is idempotent.
 */
@QuarkusIntegrationTest
@TestProfile(DocsExamplesIT.DefaultLimits.class)
class DocsExamplesIT {

    /** The preamble's markers; not anchored to a line's start, since a body before one may not end its line. */
    private static final Pattern MARKER = Pattern.compile("@@(command|curl|failed) (\\d+)");

    /** The limits of a default instance, whose RateLimit headers the examples show (the suite's jar has none). */
    public static class DefaultLimits implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.limits.reads-per-minute", "1200", "parley.limits.writes-per-minute", "120");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRuns() {
        Path root = Path.of("").toAbsolutePath();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path document : Markdown.documents(root)) {
            Markdown markdown = Markdown.read(root, document);
            List<Command> commands = markdown.commands();
            if (!commands.isEmpty()) {
                tests.add(DynamicTest.dynamicTest(markdown.file(), () -> runs(root, markdown.file(), commands)));
            }
        }
        assertFalse(tests.isEmpty(), "README.md and docs/ have examples to run");
        return tests.stream();
    }

    private static void runs(Path root, String file, List<Command> commands) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("parley-docs");
        try {
            Files.createSymbolicLink(directory.resolve("src"), root.resolve("src"));
            try (InputStream preamble = DocsExamplesIT.class.getResourceAsStream("run-examples.sh")) {
                Files.write(directory.resolve("run-examples.sh"), preamble.readAllBytes());
            }
            Files.writeString(directory.resolve("examples.sh"), script(commands));
            Process bash = new ProcessBuilder("bash", "examples.sh").directory(directory.toFile())
                    .redirectErrorStream(true).start();
            bash.getOutputStream().close(); // a command that reads its input ends; a request ends by curl's --max-time
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            check(file, commands, output, bash.waitFor());
        } finally {
            try (Stream<Path> files = Files.walk(directory)) { // the link, not what it links to
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static String script(List<Command> commands) {
        StringBuilder script = new StringBuilder("source ./run-examples.sh\n");
        for (Command command : commands) {
            script.append("__begin ").append(command.line()).append(" '")
                    .append(command.expectedStatus() == null ? "" : command.expectedStatus()).append("'\n")
                    .append(command.text().replace("http://localhost:8080", "http://localhost:" + RestAssured.port)
                            .replace("editor:secret", Api.EDITOR + ":" + Api.PASSWORD))
                    .append("\n__end $?\n");
        }
        return script.append("echo @@done\n").toString();
    }

    /** Fails naming the file, the line, the command and its output; else checks that every curl command ran curl. */
    private static void check(String file, List<Command> commands, String output, int exitValue) {
        Set<Integer> curlsRun = new TreeSet<>();
        Matcher marker = MARKER.matcher(output);
        while (marker.find()) {
            int line = Integer.parseInt(marker.group(2));
            if (marker.group(1).equals("curl")) {
                curlsRun.add(line);
            } else if (marker.group(1).equals("failed")) {
                Command failed = commands.stream().filter(command -> command.line() == line).findFirst().orElseThrow();
                fail(failed.where() + " breaks:\n" + failed.text() + "\n--- output ---\n"
                        + output.substring(output.lastIndexOf("@@command " + line + "\n")));
            }
        }
        assertEquals(0, exitValue, output);
        assertTrue(output.endsWith("@@done\n"), "every command ran:\n" + output);
        Set<Integer> curlCommands = new TreeSet<>(commands.stream().filter(Command::curl).map(Command::line).toList());
        assertEquals(curlCommands, curlsRun, "the lines of the curl commands, as extracted and as run:\n" + output);
        System.out.printf("%s: %d commands ran, %d of them curl%n", file, commands.size(), curlCommands.size());
    }
}
