package org.parley.store;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What a list query computes, kept per {@link DataGeneration generation}: its total (a count over a broad filter
 * reads every matching row, a second on a million statements, where the page itself reads twenty) and the ids of
 * each page asked for. Many clients asking the same question, or one paging through a result, cost one query each
 * until the data changes; then the generation moves on and every answer is computed afresh. Exact, and exact
 * across instances sharing the database, since the generation is read from it.
 */
@ApplicationScoped
public class ListCache {

    private final Cache totals;
    private final Cache pages;
    private final RequestGeneration generation;

    public ListCache(@CacheName("list-totals") Cache totals, @CacheName("list-pages") Cache pages,
            RequestGeneration generation) {
        this.totals = totals;
        this.pages = pages;
        this.generation = generation;
    }

    /** The generation of the data now: read once per request, and passed to the methods below. */
    public long generation() {
        return generation.get();
    }

    /**
     * Something else a list's filter derives from the data, such as the ids of topics named by slug, looked up once
     * per generation.
     */
    @SuppressWarnings("unchecked")
    public <T> T lookup(String what, Object key, Supplier<T> compute) {
        Key cacheKey = new Key(generation(), what, null, Map.of(), key);
        return (T) pages.get(cacheKey, k -> compute.get()).await().indefinitely();
    }

    /** The number of records of the entity that match the filter. */
    public long count(long generation, PanacheRepositoryBase<?, Long> repository, String entity, Filter filter) {
        return totals.<Key, Long>get(countKey(generation, entity, filter),
                        k -> repository.count(filter.from(entity), filter.parameters()))
                .await().indefinitely();
    }

    /**
     * The number of records of the entity that match the filter, as {@link #count} keeps it, if it is kept; or
     * null.
     */
    public Long knownCount(long generation, String entity, Filter filter) {
        CompletableFuture<Long> known = totals.as(CaffeineCache.class)
                .getIfPresent(countKey(generation, entity, filter));
        return known == null || !known.isDone() || known.isCompletedExceptionally() ? null : known.join();
    }

    /**
     * One page of ids as {@link #page} computes it, whose total {@code compute} counts as well: the total is kept
     * as {@link #count} keeps it.
     */
    public Page<Long> pageWithTotal(long generation, String entity, Filter filter, Object orderAndPosition,
            Supplier<Page<Long>> compute) {
        Page<Long> page = page(generation, entity, filter, orderAndPosition, compute);
        totals.as(CaffeineCache.class).put(countKey(generation, entity, filter),
                CompletableFuture.completedFuture(page.total()));
        return page;
    }

    private static Key countKey(long generation, String entity, Filter filter) {
        return new Key(generation, entity, filter.from(entity), comparable(filter.parameters()), null);
    }

    /** One page of ids of the records that match the filter, in an order, computed by {@code compute}. */
    public Page<Long> page(long generation, String entity, Filter filter, Object orderAndPosition,
            Supplier<Page<Long>> compute) {
        Key key = new Key(generation, entity, filter.from(entity), comparable(filter.parameters()), orderAndPosition);
        return pages.<Key, Page<Long>>get(key, k -> compute.get()).await().indefinitely();
    }

    /**
     * The parameters as a key compares them: an array (a search's terms) as the list of its values, since arrays are
     * equal only to themselves and every request builds its own.
     */
    private static Map<String, Object> comparable(Map<String, Object> parameters) {
        Map<String, Object> copy = new HashMap<>();
        parameters.forEach((name, value) -> copy.put(name, value instanceof Object[] array ? List.of(array) : value));
        return Map.copyOf(copy);
    }

    private record Key(long generation, String entity, String where, Map<String, Object> parameters, Object page) {
    }
}
