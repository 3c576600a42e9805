package org.parley.participant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.store.Record;
import org.parley.value.CountryCode;

/** A participant as clients write it; read-only fields of a participant read are accepted and ignored. */
@Schema(name = "ParticipantWrite", description = "A participant to create or replace")
@JsonIgnoreProperties({"id", "createdAt", "updatedAt"})
public record ParticipantRequest(
        @Schema(description = "Usual name in English", example = "Sergey Lavrov") @NotBlank @Size(max = 200)
        String name,
        @Schema(example = "PERSON") @NotNull
        ParticipantKind kind,
        @Schema(description = "ISO 3166-1 alpha-2 code, uppercase; null for international organisations",
                example = "RU")
        @CountryCode
        String country,
        @Schema(description = "Current office", example = "Minister of Foreign Affairs")
        @Size(max = 300)
        String title,
        @Schema(description = "Organisation the participant belongs to or speaks for",
                example = "Ministry of Foreign Affairs of the Russian Federation")
        @Size(max = 300)
        String organization,
        @Schema(description = "Wikidata item id", example = "Q58217", pattern = WIKIDATA_ID)
        @Pattern(regexp = WIKIDATA_ID, message = "must be a Wikidata item id: Q followed by digits, such as Q15031")
        String wikidataId,
        @Schema(description = "Other spellings of the name", example = "[\"Sergueï Lavrov\", \"Sergei Lavrov\"]")
        @Size(max = 50)
        List<@NotBlank @Size(max = 200) String> aliases,
        @Schema(description = "The id a data provider gives the participant, unique in Parley: its key in bulk imports",
                example = "mfa-ru-sergey-lavrov", maxLength = 200)
        @Pattern(regexp = Record.EXTERNAL_ID, message = Record.EXTERNAL_ID_MESSAGE)
        String externalId,
        @Schema(description = "Version read before the change; when given, a stale version is a 409", example = "0")
        Long version) {

    public static final String WIKIDATA_ID = "^Q[1-9][0-9]{0,11}$";
}
