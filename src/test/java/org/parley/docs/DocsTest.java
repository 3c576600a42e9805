package org.parley.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.docs.Markdown.Command;

/**
 * README.md and docs/ as DocsExamplesIT needs them, checked before the build packages anything: every curl where
 * that test runs it, status comments only where a curl reads them, and links to files that exist.
 */
class DocsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    private static List<Markdown> pages() {
        return Markdown.documents(ROOT).stream().map(document -> Markdown.read(ROOT, document)).toList();
    }

    @Test
    void everyCurlIsInARunnableBlock() {
        assertEquals(List.of(), pages().stream().flatMap(page -> page.curlsNotRun().stream()).toList(),
                "curl commands that DocsExamplesIT would not run: put them in a bash block");
    }

    @Test
    void onlyCurlCommandsNameAStatus() {
        assertEquals(List.of(), pages().stream().flatMap(page -> page.commands().stream())
                .filter(command -> command.expectedStatus() != null && !command.curl()).map(Command::where).toList());
    }

    @Test
    void everyRelativeLinkNamesAFileAndAHeadingOfIt() {
        List<String> broken = new ArrayList<>();
        for (Markdown page : pages()) {
            for (String link : page.relativeLinks()) {
                String[] pathAndAnchor = link.split("#", 2);
                Path target = pathAndAnchor[0].isEmpty() ? ROOT.resolve(page.file())
                        : ROOT.resolve(page.file()).resolveSibling(pathAndAnchor[0]);
                if (!Files.exists(target) || pathAndAnchor.length == 2
                        && !Markdown.read(ROOT, target).anchors().contains(pathAndAnchor[1])) {
                    broken.add(page.file() + ": " + link);
                }
            }
        }
        assertEquals(List.of(), broken);
    }
}
