package org.parley.country;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Country", description = "An ISO 3166-1 country and how many events involve it")
public record CountryResponse(
        @Schema(description = "ISO 3166-1 alpha-2", example = "KZ") String code,
        @Schema(description = "ISO 3166-1 alpha-3", example = "KAZ") String alpha3,
        @Schema(description = "English name", example = "Kazakhstan") String name,
        @Schema(description = "Events with a participant from the country", example = "0") long eventsAsParticipant,
        @Schema(description = "Events that discuss the country without it taking part", example = "1") long eventsAsSubject,
        @Schema(description = "Date of its first event in either role; null when it has none",
                implementation = String.class, format = "date", example = "2022-01-10", nullable = true)
        LocalDate firstEventDate,
        @Schema(description = "Date of its last event in either role; null when it has none",
                implementation = String.class, format = "date", example = "2022-01-10", nullable = true)
        LocalDate lastEventDate) {

    long events() {
        return eventsAsParticipant + eventsAsSubject;
    }
}
