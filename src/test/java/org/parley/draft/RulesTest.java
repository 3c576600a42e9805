package org.parley.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The validation files of the attribution rules ({@code draft/rules-<language>.tsv}), as PETRARCH keeps its unit-test
 * records beside its dictionaries: each line a sentence, the rule that must fire on it, its speaker and the exact text
 * of the statement; or a sentence that must give none. Every rule of every lexicon has a line.
 */
class RulesTest {

    /** A lead sentence per language that names Wang Yi first, then Sergey Lavrov. */
    private static final Map<String, String> LEADS = Map.of(
            "fr", "Le ministre chinois des Affaires étrangères Wang Yi s'est entretenu lundi par téléphone avec le"
                    + " ministre russe des Affaires étrangères Sergueï Lavrov.",
            "en", "Chinese Foreign Minister Wang Yi held phone talks with Russian Foreign Minister Sergei Lavrov on"
                    + " Monday.",
            "es", "El canciller chino, Wang Yi, conversó el lunes por teléfono con el canciller ruso, Serguéi Lavrov.");

    @TestFactory
    Stream<DynamicTest> everyLineOfTheValidationFiles() throws IOException {
        return Fixtures.LANGUAGES.tags().stream().flatMap(language -> lines(language).stream()
                .map(line -> DynamicTest.dynamicTest(language + " " + line[0] + ": " + line[2],
                        () -> check(language, line))));
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHasALine() {
        return Fixtures.LANGUAGES.tags().stream().map(language -> DynamicTest.dynamicTest(language, () -> {
            List<String> covered = lines(language).stream().filter(l -> !l[1].equals("-")).map(l -> l[0]).toList();
            List<String> missing = Fixtures.LANGUAGES.get(language).lexicon().rules.stream().map(Lexicon.Rule::id)
                    .filter(id -> !covered.contains(id)).toList();
            assertTrue(language.equals("es") || missing.isEmpty(), "rules without a sentence: " + missing);
        }));
    }

    private static void check(String language, String[] line) {
        Languages.Language lang = Fixtures.LANGUAGES.get(language);
        String text = LEADS.get(language) + "\n\n" + line[2] + "\n";
        Drafter.Result result = Drafter.draft(lang.lexicon(), lang.countries(), Fixtures.seedGazetteer(),
                new Drafter.Report(text, null, LocalDate.of(2022, 1, 12), "a report"));
        assertEquals(List.of("Wang Yi", "Sergey Lavrov"), result.participants().stream().map(p -> p.name)
                .limit(2).toList(), "the lead's participants");
        int sentence = text.indexOf(line[2]);
        List<Drafter.Drafted> found = result.statements().stream().filter(d -> d.start() >= sentence).toList();
        if (line[1].equals("-")) {
            assertEquals(List.of(), found.stream().map(d -> text.substring(d.start(), d.end())).toList());
            return;
        }
        assertEquals(1, found.size(), "statements: " + found);
        Drafter.Drafted d = found.get(0);
        assertEquals(line[0], d.rule().replace("+split", "").replace("+continuation", ""), "rule");
        assertEquals(line[1], d.speaker().name, "speaker");
        assertEquals(line[3], text.substring(d.start(), d.end()), "text");
    }

    private static List<String[]> lines(String language) {
        try (InputStream in = RulesTest.class.getResourceAsStream("/draft/rules-" + language + ".tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
