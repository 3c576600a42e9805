package org.parley.event;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.parley.value.CountryCode;

@Schema(name = "Location", description = "Where an event took place",
        example = "{\"country\": \"CN\", \"city\": \"Beijing\"}")
public record Location(
        @Schema(description = "ISO 3166-1 alpha-2", example = "CN") @CountryCode String country,
        @Schema(description = "City, in English", example = "Beijing") @Size(max = 200) String city) {

    static Location from(EventLocation location) {
        return location == null || (location.country == null && location.city == null)
                ? null : new Location(location.country, location.city);
    }
}
