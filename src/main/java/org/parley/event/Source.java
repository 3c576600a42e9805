package org.parley.event;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.common.LanguageTag;

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
        String language) {

    static final String URL = "http://french.peopledaily.com.cn/Chine/n3/2022/0112/c31354-9943586.html";

    static Source from(EventSource source) {
        return new Source(source.url, source.publisher, source.title, source.publishedAt(), source.language);
    }

    EventSource toEmbeddable() {
        EventSource source = new EventSource();
        source.url = url;
        source.publisher = publisher.trim();
        source.title = title;
        source.publishedAt(publishedAt);
        source.language = language;
        return source;
    }
}
