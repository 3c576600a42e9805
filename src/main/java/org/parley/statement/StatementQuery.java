package org.parley.statement;

import java.time.LocalDate;
import java.util.List;
import org.parley.search.SearchQuery;

/** The filters of a statement list; empty lists and nulls filter nothing. */
public record StatementQuery(Long eventId, Long speakerId, String country, List<String> topics, String language,
        LocalDate from, LocalDate to, SearchQuery search) {

    /** Every statement. */
    public static StatementQuery all() {
        return new StatementQuery(null, null, null, List.of(), null, null, null, SearchQuery.none());
    }
}
