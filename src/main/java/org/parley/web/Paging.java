package org.parley.web;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestResponse;
import org.parley.problem.ProblemException;
import org.parley.problem.Violation;
import org.parley.store.Cursor;
import org.parley.store.Filter;
import org.parley.store.ListCache;
import org.parley.store.Page;
import org.parley.store.PageRequest;
import org.parley.store.Record;

/**
 * Lists: fetches one page (by number or by keyset cursor) of a filtered query, and answers it with the list
 * envelope and its {@code Link} and {@code X-Total-Count} headers.
 */
public final class Paging {

    public static final int MAX_SIZE = 500;
    public static final String DEFAULT_SIZE = "20";
    public static final String TOTAL_COUNT = "X-Total-Count";

    /**
     * The sort path of a search's relevance: the filter's score (see {@link Filter#score}), best first, whichever
     * way {@code sort} names it.
     */
    public static final String RELEVANCE = "@relevance";

    private Paging() {
    }

    /**
     * The requested page of the records matching the filter. In keyset mode the rows come after the cursor in the
     * order of {@code sort}, whose last column must be the unique {@code id}.
     */
    public static <E extends Record> Page<E> fetch(ListCache lists, PanacheRepositoryBase<E, Long> repository,
            String entity, Filter filter, Sort sort, PageRequest request) {
        long total = lists.count(lists.generation(), repository, entity, filter);
        if (!request.keyset()) {
            List<E> items = repository.find("select r " + filter.from(entity) + " order by "
                    + orderBy(sort.getColumns(), filter), filter.parameters()).page(request.page(), request.size()).list();
            return new Page<>(items, total, null);
        }
        return after(repository, entity, filter, sort, request, total);
    }

    /**
     * The ids of the requested page of the records matching the filter, in order, with the total and the next
     * cursor: a query of ids only, which the indexes answer without reading the records, made once per filter,
     * sort, page and data generation (see {@link ListCache}).
     */
    public static Page<Long> fetchIds(ListCache lists, PanacheRepositoryBase<?, Long> repository, String entity,
            Filter filter, Sort sort, PageRequest request) {
        long generation = lists.generation();
        EntityManager entityManager = repository.getEntityManager();
        List<Sort.Column> columns = sort.getColumns();
        String orderBy = orderBy(columns, filter);
        Object position = List.of(orderBy, request);
        boolean first = request.keyset() ? request.after() == null : request.page() == 0;
        if (filter.score() != null && first && lists.knownCount(generation, entity, filter) == null) {
            // a search's first page: its total is counted in the same pass over the matches as the page is ordered
            // (count(*) over the whole result) instead of by a count query reading them all again. In a subquery,
            // which PostgreSQL plans as a whole: at the top, PostgreSQL 15 costs the window as if the limit stopped
            // it early and walks an index in the page's order over every row of the range (a prefix: 590 ms instead
            // of 200)
            List<String> keys = new ArrayList<>();
            List<String> order = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                keys.add(", " + qualified(columns.get(i), filter) + " as k" + i);
                order.add("m.k" + i + (columns.get(i).getDirection() == Sort.Direction.Descending ? " desc" : ""));
            }
            return lists.pageWithTotal(generation, entity, filter, position, () -> {
                TypedQuery<Object[]> query = entityManager.createQuery("select m.id, m.total from (select r.id as id,"
                        + " count(*) over () as total" + String.join("", keys) + " " + filter.from(entity) + ") m"
                        + " order by " + String.join(", ", order), Object[].class);
                filter.parameters().forEach(query::setParameter);
                List<Object[]> rows = query.setMaxResults(request.size() + 1).getResultList();
                long total = rows.isEmpty() ? 0 : ((Number) rows.get(0)[1]).longValue();
                return page(repository, entity, columns, filter, request,
                        rows.stream().map(row -> (Long) row[0]).toList(), total);
            });
        }
        long total = lists.count(generation, repository, entity, filter);
        return lists.page(generation, entity, filter, position, () -> {
            Filter page = filter.copy();
            if (request.keyset() && request.after() != null) {
                page.where(after(columns, request.after().keys(), page));
            }
            TypedQuery<Long> query = entityManager.createQuery("select r.id " + page.from(entity)
                    + " order by " + orderBy, Long.class);
            page.parameters().forEach(query::setParameter);
            if (!request.keyset()) {
                query.setFirstResult(request.page() * request.size());
            }
            return page(repository, entity, columns, filter, request,
                    query.setMaxResults(request.size() + 1).getResultList(), total);
        });
    }

    /**
     * A page of at most {@code request.size()} of these ids, fetched one more than asked: the one more tells whether
     * there is a next page, for which a keyset request gets a cursor.
     */
    private static Page<Long> page(PanacheRepositoryBase<?, Long> repository, String entity,
            List<Sort.Column> columns, Filter filter, PageRequest request, List<Long> ids, long total) {
        boolean more = ids.size() > request.size();
        List<Long> shown = List.copyOf(more ? ids.subList(0, request.size()) : ids);
        if (!more || !request.keyset()) {
            return new Page<>(shown, total, null);
        }
        Object[] keys = keysOf(repository, entity, columns, filter, shown.get(shown.size() - 1));
        return new Page<>(shown, total, new Cursor(request.sort(), Arrays.asList(keys)).encode());
    }

    /**
     * Every record matching the filter, handed to the sink in keyset batches; the persistence context is cleared
     * after each batch, so memory stays constant however many records there are. The filter is built once and
     * copied for each batch's keyset condition.
     */
    public static <E extends Record> void forEachBatch(PanacheRepositoryBase<E, Long> repository, String entity,
            Filter filter, Sort sort, int batchSize, Consumer<List<E>> sink) {
        PageRequest request = new PageRequest(0, batchSize, true, null, "export");
        while (request != null) {
            Page<E> page = after(repository, entity, filter.copy(), sort, request, -1);
            sink.accept(page.items());
            repository.getEntityManager().clear();
            request = page.nextCursor() == null ? null
                    : new PageRequest(0, batchSize, true, Cursor.decode(page.nextCursor()), "export");
        }
    }

    /**
     * Every row of {@code select <fields> from <from> where <filter>} in the order of {@code sort}, handed to the
     * sink in keyset batches: projections, so no entity is loaded. The sort columns are selected after the fields
     * to carry the keys of the next batch; they are the last elements of each row.
     */
    public static void forEachRowBatch(EntityManager entityManager, String from, String fields,
            Filter filter, Sort sort, int batchSize, Consumer<List<Object[]>> sink) {
        List<Sort.Column> columns = sort.getColumns();
        String keys = String.join(", ", columns.stream().map(c -> qualified(c, filter)).toList());
        String orderBy = orderBy(columns, filter);
        List<Object> after = null;
        while (true) {
            Filter batch = filter.copy();
            if (after != null) {
                batch.where(after(columns, after, batch));
            }
            TypedQuery<Object[]> query = entityManager.createQuery("select " + fields + ", " + keys + " " + batch.from(from)
                    + " order by " + orderBy, Object[].class).setMaxResults(batchSize);
            batch.parameters().forEach(query::setParameter);
            List<Object[]> rows = query.getResultList();
            if (!rows.isEmpty()) {
                sink.accept(rows);
            }
            if (rows.size() < batchSize) {
                return;
            }
            Object[] last = rows.get(rows.size() - 1);
            after = Arrays.asList(last).subList(last.length - columns.size(), last.length);
        }
    }

    /**
     * The ids of every record matching the filter, in the order of {@code sort}, handed to the sink in keyset
     * batches; the persistence context is cleared after each, for the records the sink may have loaded.
     */
    public static void forEachIdBatch(EntityManager entityManager, String entity, Filter filter, Sort sort,
            int batchSize, Consumer<List<Long>> sink) {
        forEachRowBatch(entityManager, entity, "r.id", filter, sort, batchSize, rows -> {
            sink.accept(rows.stream().map(row -> (Long) row[0]).toList());
            entityManager.clear();
        });
    }

    private static String orderBy(List<Sort.Column> columns, Filter filter) {
        return String.join(", ", columns.stream()
                .map(c -> qualified(c, filter) + (c.getDirection() == Sort.Direction.Descending ? " desc" : ""))
                .toList());
    }

    /**
     * A sort column as a path from the filter's root, {@code r} (see {@link Filter#from}): a join may expose it too;
     * the relevance is the filter's score.
     */
    private static String qualified(Sort.Column column, Filter filter) {
        if (!column.getName().equals(RELEVANCE)) {
            return "r." + column.getName();
        }
        if (filter.score() == null) {
            throw ProblemException.invalid(Violation.query("sort", "'relevance' ranks the matches of q: give q"));
        }
        return "(" + filter.score() + ")";
    }

    private static <E extends Record> Page<E> after(PanacheRepositoryBase<E, Long> repository, String entity,
            Filter filter, Sort sort, PageRequest request, long total) {
        List<Sort.Column> columns = sort.getColumns();
        if (request.after() != null) {
            filter.where(after(columns, request.after().keys(), filter));
        }
        // one row more than asked tells whether there is a next page
        List<E> items = repository.find("select r " + filter.from(entity) + " order by " + orderBy(columns, filter),
                filter.parameters()).page(0, request.size() + 1).list();
        String next = null;
        if (items.size() > request.size()) {
            items = items.subList(0, request.size());
            Object[] keys = keysOf(repository, entity, columns, filter, items.get(items.size() - 1).id);
            next = new Cursor(request.sort(), Arrays.asList(keys)).encode();
        }
        return new Page<>(items, total, next);
    }

    /**
     * The rows after the keys. When every column runs the same way this is one row-value comparison,
     * {@code (c0, c1) > (:k0, :k1)}, which a composite index answers directly; otherwise
     * {@code c0 >= :k0 and ((c0 > :k0) or (c0 = :k0 and c1 > :k1) or ...)}, with {@code <} for descending
     * columns.
     */
    private static String after(List<Sort.Column> columns, List<Object> keys, Filter filter) {
        if (keys.size() != columns.size()) {
            throw ProblemException.invalid(Violation.query("cursor", "does not fit this list; start with cursor=*"));
        }
        for (int i = 0; i < keys.size(); i++) {
            filter.param("k" + i, keys.get(i));
        }
        boolean oneWay = columns.stream().map(Sort.Column::getDirection).distinct().count() == 1;
        if (oneWay) {
            String op = columns.get(0).getDirection() == Sort.Direction.Descending ? " < " : " > ";
            List<String> names = columns.stream().map(c -> qualified(c, filter)).toList();
            List<String> params = java.util.stream.IntStream.range(0, keys.size()).mapToObj(i -> ":k" + i).toList();
            return "(" + String.join(", ", names) + ")" + op + "(" + String.join(", ", params) + ")";
        }
        List<String> alternatives = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            List<String> terms = new ArrayList<>();
            for (int i = 0; i < j; i++) {
                terms.add(qualified(columns.get(i), filter) + " = :k" + i);
            }
            String op = columns.get(j).getDirection() == Sort.Direction.Descending ? " < " : " > ";
            terms.add(qualified(columns.get(j), filter) + op + ":k" + j);
            alternatives.add("(" + String.join(" and ", terms) + ")");
        }
        // implied by the alternatives, but only this bound lets an index scan start at the cursor
        String first = qualified(columns.get(0), filter)
                + (columns.get(0).getDirection() == Sort.Direction.Descending ? " <= :k0" : " >= :k0");
        return "(" + first + " and (" + String.join(" or ", alternatives) + "))";
    }

    /**
     * The sort keys of a row of the page, read by its id; through the filter's conditions only when a key is the
     * search's score, which needs the filter's parameters.
     */
    private static Object[] keysOf(PanacheRepositoryBase<?, Long> repository, String entity, List<Sort.Column> columns,
            Filter filter, Long id) {
        boolean scored = columns.stream().anyMatch(c -> c.getName().equals(RELEVANCE));
        String select = String.join(", ", columns.stream().map(c -> qualified(c, filter)).toList());
        jakarta.persistence.Query query = repository.getEntityManager().createQuery("select " + select + " "
                + (scored ? filter.from(entity) + " and" : "from " + entity + " r where") + " r.id = :keyOf");
        if (scored) {
            filter.parameters().forEach(query::setParameter);
        }
        Object result = query.setParameter("keyOf", id).getSingleResult();
        return columns.size() == 1 ? new Object[] {result} : (Object[]) result;
    }

    public static <E, R> RestResponse<PageResponse<R>> respond(Page<E> page, PageRequest request,
            Function<E, R> mapper, UriInfo uri) {
        List<R> items = page.items().stream().map(mapper).toList();
        return respond(items, page.total(), page.nextCursor(), request, uri);
    }

    /** A page of a list held in memory. */
    public static <R> RestResponse<PageResponse<R>> page(List<R> all, int page, int size, UriInfo uri) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = (int) Math.min((long) from + size, all.size());
        return respond(all.subList(from, to), all.size(), null, new PageRequest(page, size, false, null, null), uri);
    }

    private static <R> RestResponse<PageResponse<R>> respond(List<R> items, long total, String nextCursor,
            PageRequest request, UriInfo uri) {
        PageResponse<R> body = new PageResponse<>(items, request.page(), request.size(), total, nextCursor);
        List<String> links = new ArrayList<>();
        if (request.keyset()) {
            links.add(link(uri, "cursor", "*", "first"));
            if (nextCursor != null) {
                links.add(link(uri, "cursor", nextCursor, "next"));
            }
        } else {
            int page = request.page();
            long lastPage = total == 0 ? 0 : (total - 1) / request.size();
            links.add(link(uri, "page", 0, "first"));
            if (page > 0) {
                links.add(link(uri, "page", Math.min(page - 1, lastPage), "prev"));
            }
            if (page < lastPage) {
                links.add(link(uri, "page", page + 1, "next"));
            }
            links.add(link(uri, "page", lastPage, "last"));
        }
        return RestResponse.ResponseBuilder.ok(body)
                .header(TOTAL_COUNT, total)
                .header("Link", String.join(", ", links))
                .build();
    }

    /** A `Link` header value: this request with {@code parameter} set to {@code value}. */
    private static String link(UriInfo uri, String parameter, Object value, String rel) {
        return link(uri.getRequestUriBuilder().replaceQueryParam(parameter, value), rel);
    }

    /** A {@code Link} header value for the request the builder makes. */
    public static String link(UriBuilder builder, String rel) {
        return "<" + builder.build() + ">; rel=\"" + rel + "\"";
    }
}
