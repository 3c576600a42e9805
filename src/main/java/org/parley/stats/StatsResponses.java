package org.parley.stats;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The rows statistics answer with. */
public final class StatsResponses {

    private StatsResponses() {
    }

    @Schema(name = "Dyad", description = "A pair of countries whose participants met, and how often")
    public record Dyad(
            @Schema(description = "ISO 3166-1 alpha-2, the first in alphabetical order", example = "CN") String country1,
            @Schema(description = "ISO 3166-1 alpha-2", example = "RU") String country2,
            @Schema(description = "Events with participants of both countries", example = "1") long events,
            @Schema(description = "Date of their first event together", implementation = String.class,
                    format = "date", example = "2022-01-10")
            LocalDate firstEventDate,
            @Schema(description = "Date of their last event together", implementation = String.class,
                    format = "date", example = "2022-01-10")
            LocalDate lastEventDate) {
    }

    @Schema(name = "Period", description = "Events in one period")
    public record Period(
            @Schema(description = "`2022`, `2022-Q1` or `2022-01`, by interval", example = "2022-01") String period,
            @Schema(description = "First day of the period", implementation = String.class, format = "date",
                    example = "2022-01-01")
            LocalDate start,
            @Schema(description = "Selected events whose date falls in the period; 0 for a gap", example = "1")
            long events) {
    }

    @Schema(name = "TopicCount", description = "A topic with the number of events and statements tagged with it")
    public record TopicCount(
            @Schema(description = "The topic's slug", example = "kazakhstan-unrest") String slug,
            @Schema(description = "The topic's name", example = "Kazakhstan unrest (January 2022)") String name,
            @Schema(description = "Selected events that have the topic", example = "1") long events,
            @Schema(description = "Statements of the selected events that have the topic", example = "5")
            long statements) {
    }
}
