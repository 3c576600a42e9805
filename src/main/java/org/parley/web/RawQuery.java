package org.parley.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Raw UTF-8 in a query string ({@code curl '...?q=révolutions'} sends the bytes as they are) means what its
 * percent-encoded form means. Netty reads the request line as ISO-8859-1, so each raw byte arrives as one character
 * from U+0080 to U+00FF and Quarkus REST would decode {@code é} as {@code Ã©}. {@link HttpProblemRoutes} rewrites
 * such a query first, for every path: each of those characters goes back to its byte as a percent escape, so that
 * the query is checked as UTF-8 like any other (raw bytes that are not UTF-8 are a 400 problem on the API). Quarkus
 * REST then reads the rewritten request URI, its parameters as well as {@code UriInfo} (the {@code Link} headers).
 *
 * <p>Before any route, Quarkus parses each request-target with {@code java.net.URI} and answers an empty 400 when
 * that fails, which a raw byte from 0x80 to 0xA0 does (a control character or a no-break space in ISO-8859-1): raw
 * UTF-8 holding such a byte ({@code à}, most Cyrillic) never reaches this class; percent-encoded, it works.
 */
public final class RawQuery {

    /** The routing context's key for the rewritten query string, set only when the query had raw bytes. */
    static final String KEY = "parley.query.reencoded";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * The query with each character beyond ASCII replaced by the percent escapes of its bytes, the query itself when
     * it is ASCII (or null).
     */
    static String reencode(String query) {
        if (query == null || query.chars().allMatch(c -> c < 0x80)) {
            return query;
        }
        StringBuilder out = new StringBuilder(query.length() + 16);
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c < 0x80) {
                out.append(c);
            } else if (c <= 0xFF) {
                escape(out, c); // a raw byte as the HTTP parser read it
            } else {
                // not what Netty gives, but should a decoded character get here: its UTF-8 bytes
                int end = Character.isHighSurrogate(c) && i + 1 < query.length() ? i + 2 : i + 1;
                for (byte b : query.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    escape(out, b & 0xFF);
                }
                i = end - 1;
            }
        }
        return out.toString();
    }

    private static void escape(StringBuilder out, int b) {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
    }

    /** Remembers the rewritten query for Quarkus REST when the raw one had bytes beyond ASCII; returns it. */
    static String rewrite(RoutingContext ctx) {
        String raw = ctx.request().query();
        String query = reencode(raw);
        if (query != null && !query.equals(raw)) {
            ctx.put(KEY, query);
        }
        return query;
    }

    /** Quarkus REST reads the parameters and {@code UriInfo} of the rewritten URI: set before resources are matched. */
    @ServerRequestFilter(preMatching = true)
    public void apply(ContainerRequestContext request, RoutingContext ctx) {
        String query = ctx.get(KEY);
        if (query == null) {
            return;
        }
        HttpServerRequest http = ctx.request();
        String authority = http.authority() == null ? "localhost" : http.authority().toString();
        try {
            request.setRequestUri(URI.create(http.scheme() + "://" + authority + http.path() + "?" + query));
        } catch (IllegalArgumentException e) {
            // a path URI refuses: left as the parser read it (the path, not the query, is then what is wrong)
        }
    }
}
