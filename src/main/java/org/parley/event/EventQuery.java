package org.parley.event;

import java.time.LocalDate;
import java.util.List;

/** The filters of an event list; empty lists and nulls filter nothing. */
public record EventQuery(List<String> countries, CountryRole countryRole, LocalDate from, LocalDate to,
        List<EventType> types, List<String> topics, Long participantId, List<String> words,
        List<EventStatus> statuses, String cameoPrefix) {
}
