package org.parley.web;

import io.quarkus.panache.common.Sort;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Variant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestResponse;
import org.parley.store.Page;
import org.parley.store.PageRequest;
import org.parley.store.Record;
import org.parley.store.Rendered;

/**
 * A {@link RecordResource} whose collection is also listed with filters, sorted, paged and exported as CSV or NDJSON
 * (events and statements): the paging and the two export negotiations are written here once. The list operation
 * itself stays with the collection, whose texts and page schema the OpenAPI document shows; it calls
 * {@link #onePage}. So does its export, a hidden operation that shares the list's {@code GET} and answers when
 * {@code Accept} (or {@code format}, see {@link Formats}) asks for CSV or NDJSON; it calls {@link #exportAll}. (Both
 * are declared by the collection because a {@code @BeanParam} must name its class: Quarkus REST does not resolve
 * a type variable there.)
 *
 * @param <F> the filters, as query parameters
 * @param <X> the query the filters make
 */
public abstract class ListedRecordResource<E extends Record, Q, R, F extends FilterParams<X>, X>
        extends RecordResource<E, Q, R> {

    private static final List<Variant> EXPORTS = Variant.mediaTypes(
            MediaType.valueOf(Formats.CSV), MediaType.valueOf(Formats.NDJSON)).build();

    private final String defaultSort;
    private final Map<String, List<String>> sorts;

    /**
     * @param defaultSort the order of a list that asks for none, as {@code sort} would give it: "-date"
     * @param sorts the names {@code sort} takes, each with the fields it orders by
     */
    protected ListedRecordResource(RecordApi api, RecordService<E, Q, R> service, Class<Q> requestType,
            Function<E, R> created, MergePatch patches, String defaultSort, Map<String, List<String>> sorts) {
        super(api, service, requestType, created, patches);
        this.defaultSort = defaultSort;
        this.sorts = sorts;
    }

    /** One page of the records a query matches, in order. */
    protected abstract Page<Rendered<R>> page(X query, Sort order, PageRequest request);

    /** Every record a query matches, in order, as {@code mediaType}; {@code params} holds what was wrong so far. */
    protected abstract RestResponse<StreamingOutput> exportAs(Params params, X query, Sort order, String fields,
            String mediaType);

    /** The list: one page with its {@code Link} and {@code X-Total-Count} headers. */
    protected RestResponse<PageResponse<Rendered<R>>> onePage(F filters, String sort, PageParams paging, UriInfo uri) {
        Listing<R> listing = listing(filters, sort, paging);
        return Paging.respond(listing.page(), listing.request(), Function.identity(), uri);
    }

    /** One page of a list and the request it answers. */
    public record Listing<R>(Page<Rendered<R>> page, PageRequest request) {
    }

    /**
     * The page of records the filters, sort and paging select, exactly as the list answers it (the pages for people
     * show it too); a 400 problem naming every bad parameter.
     */
    public Listing<R> listing(F filters, String sort, PageParams paging) {
        Params params = new Params();
        X query = filters.toQuery(params);
        Sort order = params.sort(sort, defaultSort, sorts);
        PageRequest request = params.pageRequest(paging, sort, defaultSort);
        params.validate();
        return new Listing<>(page(query, order, request), request);
    }

    /**
     * The export: every record the filters match, as CSV or NDJSON, whichever of the two {@code Accept} prefers. The
     * collection's export operation, which answers the list's {@code GET} when CSV or NDJSON is asked for, calls it.
     */
    protected RestResponse<StreamingOutput> exportAll(F filters, String sort, String fields, Request http) {
        Variant chosen = http.selectVariant(EXPORTS);
        String mediaType = chosen != null && Formats.NDJSON.equals(chosen.getMediaType().toString())
                ? Formats.NDJSON : Formats.CSV;
        Params params = new Params();
        X query = filters.toQuery(params);
        return exportAs(params, query, params.sort(sort, defaultSort, sorts), fields, mediaType);
    }
}
