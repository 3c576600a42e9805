package org.parley.event;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.report.Report;
import org.parley.value.LanguageTag;
import org.parley.value.Sha256;

@Schema(name = "Source", description = "A report that documents the event")
@Source.TextMatchesHash
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
                + " the `span` of each statement citing this source's `url` counts in. Parley keeps the text when a"
                + " write gives it (`text`), at /api/v1/reports/{sha256}; else whoever holds the report can check each"
                + " statement against it", example = TEXT_SHA256)
        @Pattern(regexp = Sha256.PATTERN, message = "must be a SHA-256 in lowercase hexadecimal: 64 characters 0-9"
                + " and a-f")
        String textSha256,
        @Schema(description = "The report's text, write-only and optional: its SHA-256 must be `textSha256` when"
                + " both are given, and is `textSha256` when only the text is. The import keeps it once per hash,"
                + " readable at /api/v1/reports/{sha256}; a read never shows it", writeOnly = true,
                example = "ASTANA, 3 March (Wire) -- The minister said talks were useful.")
        @JsonInclude(JsonInclude.Include.NON_NULL) @Size(max = Report.MAX_LENGTH)
        String text) {

    static final String URL = "http://french.peopledaily.com.cn/Chine/n3/2022/0112/c31354-9943586.html";
    /** An illustrative SHA-256 of the seed report's text, for examples. */
    public static final String TEXT_SHA256 = "5d0c4e1f9a7b3c28e6f1d0a4b9c7e2f3a8d5b6c1e0f9a2b7c4d3e8f1a6b5c0d9";

    /** The SHA-256 of {@code text}, when both are given, is {@code textSha256}; the violation names {@code text}. */
    @Target(TYPE)
    @Retention(RUNTIME)
    @Constraint(validatedBy = TextMatchesHash.Validator.class)
    public @interface TextMatchesHash {

        String message() default "its SHA-256 is not textSha256: this is not the text the hash names";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<TextMatchesHash, Source> {
            @Override
            public boolean isValid(Source source, ConstraintValidatorContext context) {
                if (source == null || source.text() == null || source.textSha256() == null
                        || Sha256.hex(source.text()).equals(source.textSha256())) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("text").addConstraintViolation();
                return false;
            }
        }
    }

    /** The texts these sources carry, for the reports to keep. */
    public static List<String> texts(List<Source> sources) {
        return sources == null ? List.of() : sources.stream().map(Source::text).filter(Objects::nonNull).toList();
    }

    static Source from(EventSource source) {
        return new Source(source.url, source.publisher, source.title, source.publishedAt(), source.language,
                source.textSha256, null);
    }

    EventSource toEmbeddable() {
        EventSource source = new EventSource();
        source.url = url;
        source.publisher = publisher.trim();
        source.title = title;
        source.publishedAt(publishedAt);
        source.language = language;
        source.textSha256 = textSha256 == null && text != null ? Sha256.hex(text) : textSha256;
        return source;
    }
}
