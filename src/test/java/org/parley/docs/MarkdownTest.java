package org.parley.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.docs.Markdown.Command;

/** What DocsExamplesIT runs of a page: the extraction, on Markdown written to trip it. */
class MarkdownTest {

    private static final String PAGE = """
            # Title

            Prose with `curl` named, and a [link](other.md#part), [an anchor](#here), [a site](https://example.org).

            ```bash
            # a comment line is no command
            curl http://localhost:8080/api/v1/events/1

            curl -H 'Content-Type: application/json' \\
              -d '{"a": 1}' http://localhost:8080/api/v1/topics  # 400: bad body
            curl -d '{
              "b": "# not a comment"}' http://x/y
            cat > import.json <<'JSON'
            {"curl": "not run: a here-document"}
            \\
            JSON
            etag=$(curl -s -D - http://x/e | sed -n 's/^ETag: //p')
            curl -d @- http://x/s <<JSON   # 201
            {"event": $id}
            JSON
            echo "say \\"#1\\" done" # 2022 is no status
            ```

            ```console
            ./mvnw verify
            ```
            """;

    private static final List<Command> COMMANDS = Markdown.parse("page.md", PAGE).commands();

    @Test
    void aCommandIsALineWithItsContinuationsQuotesAndHereDocuments() {
        assertEquals(List.of(7, 9, 11, 13, 17, 18, 21), COMMANDS.stream().map(Command::line).toList());
        assertEquals("curl -H 'Content-Type: application/json' \\\n"
                + "  -d '{\"a\": 1}' http://localhost:8080/api/v1/topics  # 400: bad body", COMMANDS.get(1).text());
        assertEquals("curl -d '{\n  \"b\": \"# not a comment\"}' http://x/y", COMMANDS.get(2).text());
        assertEquals("echo \"say \\\"#1\\\" done\" # 2022 is no status", COMMANDS.get(6).text());
        assertEquals("cat > import.json <<'JSON'\n{\"curl\": \"not run: a here-document\"}\n\\\nJSON",
                COMMANDS.get(3).text());
        assertEquals("curl -d @- http://x/s <<JSON   # 201\n{\"event\": $id}\nJSON", COMMANDS.get(5).text());
    }

    @Test
    void aTrailingCommentThatStartsWithAStatusIsTheExpectedOne() {
        assertEquals(Arrays.asList(null, 400, null, null, null, 201, null),
                COMMANDS.stream().map(Command::expectedStatus).toList());
    }

    @Test
    void curlCountsInCodeButNotInStringsOfHereDocumentsOrComments() {
        assertEquals(List.of(true, true, true, false, true, true, false),
                COMMANDS.stream().map(Command::curl).toList());
    }

    @Test
    void onlyBashAndShBlocksRun() {
        Markdown markdown = Markdown.parse("page.md", """
                ```sh
                curl http://x/a
                ```
                ```console
                curl http://x/b
                ```
                ```
                curl http://x/c
                ```
                and `curl http://x/d` inline
                """);
        assertEquals(List.of("curl http://x/a"), markdown.commands().stream().map(Command::text).toList());
        assertEquals(List.of("page.md:5 (fenced 'console')", "page.md:8 (fenced '')",
                "page.md (inline code): and `curl http://x/d` inline"), markdown.curlsNotRun());
    }

    @Test
    void aCommandOrBlockLeftOpenIsAnError() {
        var open = assertThrows(IllegalArgumentException.class,
                () -> Markdown.parse("page.md", "```bash\ncurl -d '{\n```\n").commands());
        assertTrue(open.getMessage().startsWith("page.md:2:"), open.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Markdown.parse("page.md", "```bash\ncat <<EOF\nno end\n```\n").commands());
        assertThrows(IllegalArgumentException.class, () -> Markdown.parse("page.md", "```bash\ncurl http://x\n"));
    }

    @Test
    void relativeLinksKeepTheirAnchorAndHeadingsGiveGitHubsAnchors() {
        assertEquals(List.of("other.md#part", "#here"), Markdown.parse("page.md", PAGE).relativeLinks());
        assertEquals(Set.of("title", "health-and-metrics", "the-openapi-document-and-its-clients"),
                Markdown.parse("page.md", "# Title\n## Health and metrics\n## The OpenAPI document, and its clients\n"
                        + "```bash\n# a comment\n```\n").anchors());
    }
}
