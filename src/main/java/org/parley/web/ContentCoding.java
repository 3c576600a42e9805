package org.parley.web;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Quarkus gzips a response of a type in {@code quarkus.http.compress-media-types} when the request's
 * {@code Accept-Encoding} asks for it, but does not say that the response depends on that header: this adds
 * {@code Accept-Encoding} to {@code Vary} on those responses (and on a 304, which stands for one), so that a cache
 * keeps the gzipped and the identity bytes apart.
 */
@ApplicationScoped
public class ContentCoding {

    private final Set<String> compressed;

    public ContentCoding(@ConfigProperty(name = "quarkus.http.compress-media-types") List<String> compressed) {
        this.compressed = compressed.stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            HttpServerResponse response = ctx.response();
            ctx.addHeadersEndHandler(v -> {
                if (response.getStatusCode() == 304 || compressible(response.headers().get("Content-Type"))) {
                    String vary = response.headers().get("Vary");
                    if (vary == null || vary.isBlank()) {
                        response.putHeader("Vary", "Accept-Encoding");
                    } else if (!vary.toLowerCase(Locale.ROOT).contains("accept-encoding")) {
                        response.putHeader("Vary", vary + ", Accept-Encoding");
                    }
                }
            });
            ctx.next();
        });
    }

    private boolean compressible(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        return compressed.contains((semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
                .toLowerCase(Locale.ROOT));
    }
}
