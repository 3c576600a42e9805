package org.parley.observability;

import io.vertx.ext.web.Router;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request an id: the client's {@code X-Request-Id} when it is a plausible one, else a new UUID. The
 * id is sent back in the response's {@code X-Request-Id} and is in the logging context ({@code requestId}) of every
 * log line written for the request, so that a client's report and the server's log meet. Quarkus keeps the logging
 * context in the request's Vert.x context, so it follows the request onto worker threads and ends with it.
 *
 * <p>A handler on the router rather than a JAX-RS filter: it runs first, for every route, also those that end in the
 * HTTP layer (a 404, an oversized body) and the {@code /q} endpoints.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** What a client's id may be; anything else (too long, spaces, control characters) is replaced, not logged. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void install(@Observes @Priority(10) Router router) { // before the body handlers installed at the same order
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String given = ctx.request().getHeader(HEADER);
            String id = given != null && ACCEPTED.matcher(given).matches() ? given : newId();
            MDC.put(MDC_KEY, id);
            ctx.response().putHeader(HEADER, id);
            ctx.next();
        });
    }

    /**
     * A random (version 4) UUID from the thread's own generator: an id needs to be unique, not unguessable, and
     * {@link UUID#randomUUID()} makes every request thread take turns at one shared secure generator.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(high, low).toString();
    }
}
