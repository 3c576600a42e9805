package org.parley.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The drafter on the project's own test reports ({@code draft/reports/*.txt}, written for these tests in the style of
 * wire reports), each beside what a curator would code from it ({@code *.expected.json}): date, type, participants,
 * subject countries and each position with its speaker. Prints the figures per language.
 */
class ReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one report gave, against what it should. */
    record Score(String name, String language, boolean event, int positions, int rightSpeaker, int spurious,
            List<String> errors) {
    }

    static List<Path> reports() throws IOException, URISyntaxException {
        return reports("/draft/reports");
    }

    static List<Path> reports(String folder) throws IOException, URISyntaxException {
        Path dir = Path.of(ReportsTest.class.getResource(folder).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".expected.json")).sorted().toList();
        }
    }

    static Score score(Path expectedFile) throws IOException {
        JsonNode want = JSON.readTree(expectedFile.toFile());
        String name = expectedFile.getFileName().toString().replace(".expected.json", "");
        String text = Files.readString(expectedFile.resolveSibling(name + ".txt"));
        String language = want.get("language").asText();
        Languages.Language lang = Fixtures.LANGUAGES.get(language);
        String published = want.get("publishedAt").asText();
        LocalDate day = published.length() == 10 ? LocalDate.parse(published)
                : OffsetDateTime.parse(published).toLocalDate();
        Drafter.Result got = Drafter.draft(lang.lexicon(), lang.countries(), Fixtures.seedGazetteer(),
                new Drafter.Report(text, null, day, "a report of " + day));
        List<String> errors = new ArrayList<>();
        check(errors, "date", want.get("date").asText(), String.valueOf(got.date()));
        check(errors, "type", want.get("type").asText(), String.valueOf(got.type()));
        check(errors, "participants", set(want.get("participants")),
                new TreeSet<>(got.participants().stream().map(p -> p.name).toList()));
        check(errors, "countries", set(want.get("countries")),
                new TreeSet<>(got.participants().stream().map(p -> String.valueOf(p.country)).toList()));
        check(errors, "subjectCountries", set(want.get("subjectCountries")),
                new TreeSet<>(got.subjectCountries().stream().map(DraftNotes.CountryNote::country).toList()));
        boolean event = errors.isEmpty();
        int right = 0;
        List<Drafter.Drafted> unmatched = new ArrayList<>(got.statements());
        for (JsonNode position : want.get("statements")) {
            String snippet = Fold.phrase(position.get("text").asText());
            Drafter.Drafted found = unmatched.stream()
                    .filter(d -> Fold.phrase(text.substring(d.start(), d.end())).contains(snippet)).findFirst()
                    .orElse(null);
            if (found == null) {
                errors.add("no statement with '" + position.get("text").asText() + "'");
                continue;
            }
            unmatched.remove(found);
            if (!found.speaker().name.equals(position.get("speaker").asText())) {
                errors.add("'" + position.get("text").asText() + "' attributed to " + found.speaker().name);
                continue;
            }
            String kind = position.has("kind") ? position.get("kind").asText() : "REPORTED";
            if (!kind.equals(found.kind().name())) {
                errors.add("'" + position.get("text").asText() + "' is " + found.kind());
                continue;
            }
            right++;
        }
        unmatched.forEach(d -> errors.add("spurious: " + d.speaker().name + " '" + text.substring(d.start(),
                d.end()) + "' (" + d.rule() + ")"));
        return new Score(name, language, event, want.get("statements").size(), right, unmatched.size(), errors);
    }

    private static void check(List<String> errors, String what, Object want, Object got) {
        if (!want.equals(got)) {
            errors.add(what + ": want " + want + ", got " + got);
        }
    }

    private static Set<String> set(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @TestFactory
    Stream<DynamicTest> eachReportGivesItsEventAndPositions() throws IOException, URISyntaxException {
        return reports().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Score score = score(file);
            assertEquals(List.of(), score.errors(), score.name());
        }));
    }

    @Test
    void figuresPerLanguage() throws IOException, URISyntaxException {
        assertEquals(Set.of("en", "es", "fr"), figures(reports()).keySet());
    }

    /** The figures of a folder of reports per language, printed: reports, events right, positions, right, spurious. */
    static Map<String, int[]> figures(List<Path> files) throws IOException {
        Map<String, int[]> byLanguage = new TreeMap<>();
        for (Path file : files) {
            Score s = score(file);
            int[] f = byLanguage.computeIfAbsent(s.language(), k -> new int[5]);
            f[0]++;
            f[1] += s.event() ? 1 : 0;
            f[2] += s.positions();
            f[3] += s.rightSpeaker();
            f[4] += s.spurious();
        }
        System.out.println("language  reports  event right  positions  right speaker  spurious");
        byLanguage.forEach((language, f) -> System.out.printf("%-9s %7d  %11d  %9d  %13d  %8d%n", language, f[0], f[1],
                f[2], f[3], f[4]));
        return byLanguage;
    }
}
