package org.parley.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reports written by an author who never saw the drafter's rules or lexicons ({@code draft/blind/}), harder than the
 * test reports: long, with background paragraphs, earlier meetings, split quotations, quotations over two sentences,
 * descriptions instead of names, spokespeople. The drafter is not held to every one of them (that would make them
 * test reports), but to the floor on them together: the right event in at least 8 of 10, the right speaker for
 * at least 90 % of the positions, few statements the author did not code. Prints what it missed.
 */
class BlindReportsTest {

    @Test
    void theFloorOnReportsWrittenBlind() throws IOException, URISyntaxException {
        List<Path> files = ReportsTest.reports("/draft/blind");
        Map<String, int[]> figures = ReportsTest.figures(files);
        for (Path file : files) {
            ReportsTest.Score score = ReportsTest.score(file);
            if (!score.errors().isEmpty()) {
                System.out.println(score.name() + ": " + score.errors());
            }
        }
        int reports = 0;
        int events = 0;
        int positions = 0;
        int right = 0;
        int spurious = 0;
        for (int[] f : figures.values()) {
            reports += f[0];
            events += f[1];
            positions += f[2];
            right += f[3];
            spurious += f[4];
        }
        assertEquals(10, reports);
        assertTrue(events >= 8, events + " of 10 events right");
        assertTrue(right * 10 >= positions * 9, right + " of " + positions + " positions with the right speaker");
        assertTrue(spurious * 20 <= positions, spurious + " statements beyond " + positions + " positions");
    }
}
