package org.parley.event;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.value.LanguageTag;

@Schema(name = "Source", description = "A report that documents the event")
public record Source(
        @Schema(description = "Address of the report, http or https", example = URL)
        @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http or https URL")
        String url,
        @Schema(description = "Who published it: news agency, newspaper, ministry", example = "Xinhua")
        @NotBlank @Size(max = 200)
        String publisher,
        @Schema(description = "Headline of the report, in its language", example = "Conversation téléphonique entre"
                + " les MAE chinois et russe sur les relations bilatérales et la situation au Kazakhstan")
        @Size(max = 500)
        String title,
        @Schema(description = "Publication time with the publisher's offset", implementation = String.class,
                format = "date-time", example = "2022-01-12T08:55:00+08:00")
        OffsetDateTime publishedAt,
        @Schema(description = "BCP 47 language tag of the report", example = "fr") @LanguageTag
        String language,
        @Schema(description = "SHA-256 of the report's text as UTF-8 bytes, in lowercase hexadecimal: the text that"
                + " the `span` of each statement citing this source's `url` counts in. Parley does not keep the text;"
                + " whoever holds the report can check each statement against it", example = TEXT_SHA256)
        @Pattern(regexp = "^[0-9a-f]{64}$", message = "must be a SHA-256 in lowercase hexadecimal: 64 characters 0-9"
                + " and a-f")
        String textSha256) {

    static final String URL = "http://french.peopledaily.com.cn/Chine/n3/2022/0112/c31354-9943586.html";
    /** An illustrative SHA-256 of the seed report's text, for examples. */
    public static final String TEXT_SHA256 = "5d0c4e1f9a7b3c28e6f1d0a4b9c7e2f3a8d5b6c1e0f9a2b7c4d3e8f1a6b5c0d9";

    static Source from(EventSource source) {
        return new Source(source.url, source.publisher, source.title, source.publishedAt(), source.language,
                source.textSha256);
    }

    EventSource toEmbeddable() {
        EventSource source = new EventSource();
        source.url = url;
        source.publisher = publisher.trim();
        source.title = title;
        source.publishedAt(publishedAt);
        source.language = language;
        source.textSha256 = textSha256;
        return source;
    }
}
