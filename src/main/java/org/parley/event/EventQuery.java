package org.parley.event;

import java.time.LocalDate;
import java.util.List;
import org.parley.search.SearchQuery;

/** The filters of an event list; empty lists and nulls filter nothing. */
public record EventQuery(List<String> countries, CountryRole countryRole, LocalDate from, LocalDate to,
        List<EventType> types, List<String> topics, Long participantId, SearchQuery search,
        List<EventStatus> statuses, String cameoPrefix) {

    /** Every event. */
    public static EventQuery all() {
        return new EventQuery(List.of(), CountryRole.ANY, null, null, List.of(), List.of(), null, SearchQuery.none(),
                List.of(), null);
    }
}
