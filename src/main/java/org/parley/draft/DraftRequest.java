package org.parley.draft;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.store.Record;

/** A report to draft an event from: its text and what the curator knows of it. */
@Schema(name = "DraftRequest", description = "A news report and what the curator knows of it")
public record DraftRequest(
        @Schema(description = "The report's text as published; spans count its characters (UTF-16 code units)",
                maxLength = DraftRequest.MAX_TEXT, example = "M. Wang a déclaré que ...")
        @NotBlank @Size(max = MAX_TEXT, message = "must be at most " + MAX_TEXT + " characters: draft one report at"
                + " a time")
        String text,
        @Schema(description = "Address of the report", example = "https://example.org/report")
        @Size(max = 2000) @jakarta.validation.constraints.Pattern(regexp = "^https?://\\S+$",
                message = "must be an http or https URL")
        String url,
        @Schema(description = "Who published it", example = "Xinhua") @Size(max = 200)
        String publisher,
        @Schema(description = "Headline", example = "Conversation téléphonique entre les MAE chinois et russe")
        @Size(max = 500)
        String title,
        @Schema(description = "Publication time with the publisher's offset, or the day alone: relative dates"
                + " (\"lundi\", \"yesterday\") are resolved against it, in the publisher's time zone",
                example = "2022-01-12T08:55:00+08:00")
        @Size(max = 40)
        String publishedAt,
        @Schema(description = "BCP 47 tag of the report's language; detected when absent", example = "fr")
        @Size(max = 35)
        String language,
        @Schema(description = "`externalId` of a stored event this report is another source of (see"
                + " `draft.duplicates`): the draft then updates that event, adding its source and statements",
                example = "xinhua-fr-2022-01-12-wang-yi-lavrov-phone-call")
        @Size(max = 200) @Pattern(regexp = Record.EXTERNAL_ID, message = Record.EXTERNAL_ID_MESSAGE)
        String mergeInto) {

    /** The longest report drafted, in characters: a long wire report is 10,000. */
    public static final int MAX_TEXT = 100_000;
}
