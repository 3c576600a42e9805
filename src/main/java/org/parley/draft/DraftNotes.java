package org.parley.draft;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.event.EventType;
import org.parley.statement.Span;

/**
 * What the drafter saw and decided, for the curator: the cues behind the event's type and date, how each participant
 * was found, why each statement is attributed as it is, which sentences it left out and which stored events may be
 * the same. The import ignores all of it.
 */
@Schema(name = "DraftNotes", description = "Annotations of a draft (`POST /api/v1/drafts`): cues, reasoning,"
        + " confidence, skipped sentences and possible duplicates. `POST /api/v1/import` ignores them.")
public record DraftNotes(
        @Schema(description = "Language of the report (BCP 47)", example = "fr")
        String language,
        @Schema(description = "How the language was chosen", example = "given")
        String languageCue,
        @Schema(description = "SHA-256 (hex) of the UTF-8 text that the spans refer to",
                example = "5d41402abc4b2a76b9719d911017c592ae5d0c5e6f4f3a0e8c1c1c3c2a6c8b1f")
        String textSha256,
        @Schema(description = "Length of the text in characters (UTF-16 code units, as spans count)", example = "4213")
        int textLength,
        @Schema(description = "Why the text gave no event or no statement; null when it gave both",
                example = "no sentence names a meeting, call or visit of a person")
        String reason,
        @Schema(description = "The event's type, date and lead sentence, with their cues")
        EventNote event,
        @Schema(description = "Each participant: matched to a stored one, or proposed as new")
        List<ParticipantNote> participants,
        @Schema(description = "Countries the report is about that no participant belongs to")
        List<CountryNote> subjectCountries,
        @Schema(description = "Stored topics named in the report")
        List<TopicNote> topics,
        @Schema(description = "Each statement's attribution, by position")
        List<StatementNote> statements,
        @Schema(description = "Sentences that gave no statement, and why")
        List<Skipped> skipped,
        @Schema(description = "Stored events with the same participants within two days: another report of one of"
                + " them should be merged into it (`mergeInto`) rather than imported as a second event")
        List<Duplicate> duplicates,
        @Schema(description = "Things the curator should check", example = "[\"participant 12 has no externalId\"]")
        List<String> warnings) {

    @Schema(name = "DraftEventNote")
    public record EventNote(
            @Schema(example = "PHONE_CALL") EventType type,
            @Schema(description = "The words that decided the type", example = "'par téléphone' in the lead sentence")
            String typeCue,
            @Schema(implementation = String.class, format = "date", example = "2022-01-10") LocalDate date,
            @Schema(description = "How the date was resolved", example = "'lundi' before a report of Wednesday"
                    + " 2022-01-12 (+08:00): Monday 2022-01-10")
            String dateReasoning,
            @Schema(description = "The date words in the text") Span dateSpan,
            @Schema(description = "The sentence that reports the event") Span lead,
            @Schema(description = "The dateline, when the report has one") Span dateline) {
    }

    @Schema(name = "DraftParticipantNote")
    public record ParticipantNote(
            @Schema(description = "Key the draft names the participant by", example = "parley-seed-sergey-lavrov")
            String key,
            @Schema(example = "Sergey Lavrov") String name,
            @Schema(description = "Id of the stored participant; null when proposed as new", example = "2")
            Long participantId,
            @Schema(description = "How it was found", example = "alias 'Sergueï Lavrov'") String matchedBy,
            @Schema(description = "First mention in the text") Span mention,
            @Schema(example = "RU") String country,
            @Schema(description = "Where the country comes from", example = "'russe' before the name")
            String countryCue,
            @Schema(description = "Role at the event", example = "Minister of Foreign Affairs of Russia") String role,
            @Schema(description = "Named in the sentence that reports the event") boolean inLead,
            @Schema(description = "Speaker of at least one statement") boolean speaks) {
    }

    @Schema(name = "DraftCountryNote")
    public record CountryNote(
            @Schema(example = "KZ") String country,
            @Schema(description = "How often the report names it", example = "9") int mentions,
            @Schema(description = "The words that name it", example = "[\"Kazakhstan\", \"kazakh\"]")
            List<String> cues) {
    }

    @Schema(name = "DraftTopicNote")
    public record TopicNote(
            @Schema(example = "csto") String slug,
            @Schema(description = "The words that name it", example = "OTSC") String cue,
            @Schema(example = "3") int mentions) {
    }

    @Schema(name = "DraftStatementNote")
    public record StatementNote(
            @Schema(example = "6") int position,
            @Schema(description = "The rule that attributed it (see the lexicon)", example = "fr-inverted-subject")
            String rule,
            @Schema(description = "The words that attributed it", example = "a affirmé M. Wang") String cue,
            @Schema(description = "Where they are") Span cueSpan,
            @Schema(description = "How the speaker was found", example = "pronoun 'il': the last speaker, Wang Yi")
            String speakerCue,
            @Schema(description = "From 0 to 1", example = "0.85") double confidence) {
    }

    @Schema(name = "DraftSkipped")
    public record Skipped(
            Span span,
            @Schema(example = "Les deux parties ont échangé leurs vues sur les questions régionales.") String text,
            @Schema(example = "narration: 'les deux parties' is both sides, not one participant") String reason) {
    }

    @Schema(name = "DraftDuplicate")
    public record Duplicate(
            @Schema(example = "1") long eventId,
            @Schema(description = "Key to merge into; null when the stored event has none (give it one first)",
                    example = "xinhua-fr-2022-01-12-wang-yi-lavrov-phone-call")
            String externalId,
            @Schema(example = "Wang Yi and Sergey Lavrov discuss bilateral relations") String title,
            @Schema(implementation = String.class, format = "date", example = "2022-01-10") LocalDate date,
            @Schema(example = "same participants (Wang Yi, Sergey Lavrov), 0 days apart") String reason) {
    }
}
