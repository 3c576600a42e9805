package org.parley.common;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestResponse;

/** Turns a filtered Panache query into a page response with {@code Link} and {@code X-Total-Count} headers. */
public final class Paging {

    public static final int MAX_SIZE = 500;
    public static final String DEFAULT_SIZE = "20";
    public static final String TOTAL_COUNT = "X-Total-Count";

    private Paging() {
    }

    public static <E, R> RestResponse<PageResponse<R>> page(PanacheQuery<E> query, int page, int size,
            Function<E, R> mapper, UriInfo uri) {
        long total = query.count();
        List<R> items = query.page(page, size).list().stream().map(mapper).toList();
        return page(items, page, size, total, uri);
    }

    /** A page of a list held in memory. */
    public static <R> RestResponse<PageResponse<R>> page(List<R> all, int page, int size, UriInfo uri) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = (int) Math.min((long) from + size, all.size());
        return page(all.subList(from, to), page, size, all.size(), uri);
    }

    private static <R> RestResponse<PageResponse<R>> page(List<R> items, int page, int size, long total, UriInfo uri) {
        PageResponse<R> body = new PageResponse<>(items, page, size, total);
        RestResponse.ResponseBuilder<PageResponse<R>> response = RestResponse.ResponseBuilder.ok(body)
                .header(TOTAL_COUNT, total);
        List<String> links = new ArrayList<>();
        long lastPage = total == 0 ? 0 : (total - 1) / size;
        links.add(link(uri, 0, "first"));
        if (page > 0) {
            links.add(link(uri, Math.min(page - 1, lastPage), "prev"));
        }
        if (page < lastPage) {
            links.add(link(uri, page + 1, "next"));
        }
        links.add(link(uri, lastPage, "last"));
        response.header("Link", String.join(", ", links));
        return response.build();
    }

    private static String link(UriInfo uri, long page, String rel) {
        UriBuilder builder = uri.getRequestUriBuilder().replaceQueryParam("page", page);
        return "<" + builder.build() + ">; rel=\"" + rel + "\"";
    }
}
