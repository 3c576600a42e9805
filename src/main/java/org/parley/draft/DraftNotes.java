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
        @Schema(description = "Each participant: matched to a stored one, or proposed as new", example = """
                [{"key": "parley-seed-sergey-lavrov", "name": "Sergey Lavrov", "participantId": 2,
                  "matchedBy": "alias 'Sergueï Lavrov'", "mention": {"start": 420, "end": 434}, "country": "RU",
                  "countryCue": "stored participant", "role": "Minister of Foreign Affairs of Russia", "inLead": true,
                  "speaks": true}]
                """)
        List<ParticipantNote> participants,
        @Schema(description = "Countries the report is about that no participant belongs to",
                example = "[{\"country\": \"KZ\", \"mentions\": 9, \"cues\": [\"Kazakhstan\", \"kazakh\"]}]")
        List<CountryNote> subjectCountries,
        @Schema(description = "Stored topics named in the report",
                example = "[{\"slug\": \"csto\", \"cue\": \"OTSC\", \"mentions\": 3}]")
        List<TopicNote> topics,
        @Schema(description = "Each statement's attribution, by position", example = """
                [{"position": 7, "rule": "fr-forward-que", "cue": "est convaincu", "cueSpan": {"start": 2082,
                  "end": 2095}, "speakerCue": "pronoun 'il': the last speaker, Sergey Lavrov", "confidence": 0.86}]
                """)
        List<StatementNote> statements,
        @Schema(description = "Sentences that gave no statement, and why", example = """
                [{"span": {"start": 3890, "end": 3958}, "text": "Les deux parties ont échangé leurs vues.",
                  "reason": "narration: 'les deux parties' is not one participant"}]
                """)
        List<Skipped> skipped,
        @Schema(description = "Stored events with the same participants within two days: another report of one of"
                + " them should be merged into it (`mergeInto`) rather than imported as a second event", example = """
                [{"eventId": 1, "externalId": "xinhua-fr-2022-01-12-wang-yi-lavrov-phone-call",
                  "title": "Wang Yi and Sergey Lavrov discuss bilateral relations", "date": "2022-01-10",
                  "reason": "same participants (Wang Yi, Sergey Lavrov), 0 days apart"}]
                """)
        List<Duplicate> duplicates,
        @Schema(description = "Things the curator should check", example = "[\"participant 12 has no externalId\"]")
        List<String> warnings) {

    @Schema(name = "DraftEventNote", description = "The event's type and date, and the words they come from")
    public record EventNote(
            @Schema(example = "PHONE_CALL") EventType type,
            @Schema(description = "The words that decided the type", example = "'par téléphone' in the lead sentence")
            String typeCue,
            @Schema(description = "The day the event happened", implementation = String.class, format = "date",
                    example = "2022-01-10") LocalDate date,
            @Schema(description = "How the date was resolved", example = "'lundi' before a report of Wednesday"
                    + " 2022-01-12 (+08:00): Monday 2022-01-10")
            String dateReasoning,
            @Schema(description = "The date words in the text") Span dateSpan,
            @Schema(description = "The sentence that reports the event") Span lead,
            @Schema(description = "The dateline, when the report has one") Span dateline) {
    }

    @Schema(name = "DraftParticipantNote", description = "A participant of the draft and how it was found")
    public record ParticipantNote(
            @Schema(description = "Key the draft names the participant by", example = "parley-seed-sergey-lavrov")
            String key,
            @Schema(description = "Name, as stored or as the report writes it", example = "Sergey Lavrov") String name,
            @Schema(description = "Id of the stored participant; null when proposed as new", example = "2")
            Long participantId,
            @Schema(description = "How it was found", example = "alias 'Sergueï Lavrov'") String matchedBy,
            @Schema(description = "First mention in the text") Span mention,
            @Schema(description = "ISO 3166-1 alpha-2 code; null when unknown", example = "RU") String country,
            @Schema(description = "Where the country comes from", example = "'russe' before the name")
            String countryCue,
            @Schema(description = "Role at the event", example = "Minister of Foreign Affairs of Russia") String role,
            @Schema(description = "Named in the sentence that reports the event", example = "true") boolean inLead,
            @Schema(description = "Speaker of at least one statement", example = "true") boolean speaks) {
    }

    @Schema(name = "DraftCountryNote", description = "A country the report is about, and the words that name it")
    public record CountryNote(
            @Schema(description = "ISO 3166-1 alpha-2 code", example = "KZ") String country,
            @Schema(description = "How often the report names it", example = "9") int mentions,
            @Schema(description = "The words that name it", example = "[\"Kazakhstan\", \"kazakh\"]")
            List<String> cues) {
    }

    @Schema(name = "DraftTopicNote", description = "A stored topic the report names")
    public record TopicNote(
            @Schema(description = "The topic's slug", example = "csto") String slug,
            @Schema(description = "The words that name it", example = "OTSC") String cue,
            @Schema(description = "How often the report names it", example = "3") int mentions) {
    }

    @Schema(name = "DraftStatementNote", description = "How a statement of the draft was attributed")
    public record StatementNote(
            @Schema(description = "The statement's position in the draft", example = "6") int position,
            @Schema(description = "The rule that attributed it (see the lexicon)", example = "fr-inverted-subject")
            String rule,
            @Schema(description = "The words that attributed it", example = "a affirmé M. Wang") String cue,
            @Schema(description = "Where they are") Span cueSpan,
            @Schema(description = "How the speaker was found", example = "pronoun 'il': the last speaker, Wang Yi")
            String speakerCue,
            @Schema(description = "From 0 to 1", example = "0.85") double confidence) {
    }

    @Schema(name = "DraftSkipped", description = "A sentence of the report that gave no statement")
    public record Skipped(
            @Schema(description = "Where the sentence is") Span span,
            @Schema(description = "The sentence", example = "Les deux parties ont échangé leurs vues.") String text,
            @Schema(description = "Why it gave no statement",
                    example = "narration: 'les deux parties' is not one participant") String reason) {
    }

    @Schema(name = "DraftDuplicate", description = "A stored event that may be the one the report is about")
    public record Duplicate(
            @Schema(description = "Id of the stored event", example = "1") long eventId,
            @Schema(description = "Key to merge into; null when the stored event has none (give it one first)",
                    example = "xinhua-fr-2022-01-12-wang-yi-lavrov-phone-call")
            String externalId,
            @Schema(description = "Its title", example = "Wang Yi and Sergey Lavrov discuss bilateral relations")
            String title,
            @Schema(description = "Its date", implementation = String.class, format = "date", example = "2022-01-10")
            LocalDate date,
            @Schema(description = "Why it may be the same event",
                    example = "same participants (Wang Yi, Sergey Lavrov), 0 days apart") String reason) {
    }
}
