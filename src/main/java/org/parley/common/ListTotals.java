package org.parley.common;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The total of a list, counted once per filter and {@link DataGeneration generation}: paging through a result, or
 * many clients asking the same question, costs one count until the data changes. A count over a broad filter reads
 * every matching row (a second on a million statements), where the page itself reads twenty.
 */
@ApplicationScoped
public class ListTotals {

    private final Cache cache;
    private final DataGeneration generation;

    public ListTotals(@CacheName("list-totals") Cache cache, DataGeneration generation) {
        this.cache = cache;
        this.generation = generation;
    }

    /** The number of records of the entity that match the filter. */
    public long count(PanacheRepositoryBase<?, Long> repository, String entity, Filter filter) {
        Key key = new Key(generation.current(), entity, filter.query(), Map.copyOf(filter.parameters()));
        return cache.<Key, Long>get(key, k -> repository.count(filter.query(), filter.parameters()))
                .await().indefinitely();
    }

    private record Key(long generation, String entity, String where, Map<String, Object> parameters) {
    }
}
