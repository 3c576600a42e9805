package org.parley.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.event.EventType;

/**
 * The issue's own check: the raw seed report, with only the seed's participants and topics known (no stored event),
 * gives the seed event's date, type, participants and subject country, and each of its positions with the right
 * speaker and an exact span.
 */
class SeedDraftTest {

    private static final String REPORT_DAY_CUE = "a report of Wednesday 2022-01-12 (+08:00)";

    static Drafter.Result draftSeed() {
        Languages.Language fr = Fixtures.LANGUAGES.get("fr");
        return Drafter.draft(fr.lexicon(), fr.countries(), Fixtures.seedGazetteer(), new Drafter.Report(
                Fixtures.seedText(), null, LocalDate.of(2022, 1, 12), REPORT_DAY_CUE));
    }

    @Test
    void theEventOfTheSeed() {
        Drafter.Result draft = draftSeed();
        assertEquals(LocalDate.of(2022, 1, 10), draft.date());
        assertEquals("'lundi' before " + REPORT_DAY_CUE + ": Monday 2022-01-10", draft.dateReasoning());
        assertEquals(EventType.PHONE_CALL, draft.type());
        assertEquals(List.of("parley-seed-wang-yi", "parley-seed-sergey-lavrov"),
                draft.participants().stream().map(p -> p.known.key()).toList());
        assertEquals(List.of("KZ"), draft.subjectCountries().stream().map(DraftNotes.CountryNote::country).toList());
        // stored topics only, found by their aliases in the French text
        assertEquals(List.of("kazakhstan-unrest", "china-russia-relations", "beijing-winter-olympics-2022",
                "head-of-state-diplomacy", "csto", "external-interference", "colour-revolutions",
                "central-asia-security", "terrorism-separatism-extremism", "covid-19-pandemic", "sco"),
                draft.topics().stream().map(DraftNotes.TopicNote::slug).toList());
    }

    @Test
    void everyPositionOfTheSeedWithItsSpeakerAndExactSpan() {
        Drafter.Result draft = draftSeed();
        String text = Fixtures.seedText();
        Map<Long, String> keyOfId = Map.of(1L, "parley-seed-wang-yi", 2L, "parley-seed-sergey-lavrov");
        List<String> missed = new ArrayList<>();
        int used = 0;
        for (JsonNode stored : Fixtures.seed().get("statements")) {
            String want = normal(stored.get("text").asText());
            Drafter.Drafted found = draft.statements().stream()
                    .filter(d -> normal(text.substring(d.start(), d.end())).contains(want)
                            || want.contains(normal(text.substring(d.start(), d.end()))))
                    .findFirst().orElse(null);
            if (found == null) {
                missed.add("position " + stored.get("position") + ": no statement");
            } else if (!stored.get("speaker").asText().equals(keyOfId.get(found.speaker().known.id()))) {
                missed.add("position " + stored.get("position") + ": speaker " + found.speaker().name);
            } else {
                used++;
            }
        }
        assertEquals(List.of(), missed);
        assertEquals(16, used);
        // no statement more than the seed's positions, and each one exactly the characters of its span
        assertEquals(16, draft.statements().size());
        for (Drafter.Drafted d : draft.statements()) {
            String spanned = text.substring(d.start(), d.end());
            assertEquals(spanned.strip(), spanned, "a span starts and ends on words");
            assertTrue(d.confidence() > 0.5 && d.confidence() <= 1, d.rule() + " " + d.confidence());
        }
    }

    @Test
    void narrationAndPageFurnitureAreSkippedWithReasons() {
        Drafter.Result draft = draftSeed();
        assertTrue(draft.skipped().stream().anyMatch(s -> s.text().startsWith("Le conseiller d'Etat")
                && s.reason().equals("no reporting verb or attribution cue")), draft.skipped().toString());
        assertTrue(draft.skipped().stream().anyMatch(s -> s.text().equals("Partagez cet article sur :")
                && s.reason().contains("no final punctuation")), draft.skipped().toString());
    }

    /** Text compared without the attribution's punctuation at its edges and with spaces collapsed. */
    private static String normal(String s) {
        return Fold.phrase(s).replaceAll("^[\\s,.]+|[\\s,.]+$", "");
    }
}
