package org.parley.limits;

import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.parley.web.HttpProblemRoutes;

/**
 * The limits of {@link LimitsConfig}, checked for every request before anything else reads it (after its request id
 * is set): header and query-string size (414, 431), the origins that may write (403), failed logins and per-client
 * rates of the API (429 with {@code Retry-After}); every refusal is a problem. Allowed API requests carry
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining}, {@code RateLimit-Reset} and {@code RateLimit-Policy}
 * (draft-ietf-httpapi-ratelimit-headers). Health and metrics endpoints are not rate-limited: load balancers poll
 * them. The sign-in form's post is a login and a write: refused from a page of another origin and while the client
 * is locked out by failed logins, and counted when it fails.
 *
 * <p>A router handler rather than a JAX-RS filter: it must refuse before a body is read and also on routes that
 * never reach Quarkus REST. Vert.x's own limits ({@code quarkus.http.limits.max-header-size},
 * {@code max-initial-line-length}) are set above these, as a last line that answers without a problem body.
 */
@ApplicationScoped
public class RequestLimits {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final ClientLimits limits;
    private final HttpProblemRoutes problems;
    private final long maxHeaderBytes;
    private final int maxQueryLength;
    private final List<String> writeOrigins;
    /** The sign-in form's post: a login like HTTP Basic credentials, outside the API's paths. */
    private final String signInPath;

    public RequestLimits(ClientLimits limits, HttpProblemRoutes problems, LimitsConfig config,
            @ConfigProperty(name = "quarkus.http.auth.form.post-location") String signInPath) {
        this.limits = limits;
        this.signInPath = signInPath;
        this.problems = problems;
        this.maxHeaderBytes = config.maxHeaderSize().asLongValue();
        this.maxQueryLength = config.maxQueryLength();
        this.writeOrigins = config.writeOrigins().orElse(List.of());
    }

    void install(@Observes @Priority(20) Router router) { // after RequestIds, before the body handlers
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    /**
     * Counts a failed login (wrong password, bad token, a failed sign-in of the form) against the client that sent
     * the credentials.
     */
    void loginFailed(@Observes AuthenticationFailureEvent failure) {
        if (failure.getEventProperties().get(RoutingContext.class.getName()) instanceof RoutingContext ctx
                && sendsCredentials(ctx)) {
            limits.loginFailed(client(ctx.request()));
        }
    }

    /** Whether the request carries a password or token to check: an Authorization header, or the sign-in form. */
    private boolean sendsCredentials(RoutingContext ctx) {
        return ctx.request().getHeader(HttpHeaders.AUTHORIZATION) != null || signIn(ctx);
    }

    private boolean signIn(RoutingContext ctx) {
        return ctx.request().method() == HttpMethod.POST && ctx.normalizedPath().equals(signInPath);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String query = request.query();
        if (query != null && query.length() > maxQueryLength) {
            problems.write(ctx, 414, "The query string has " + query.length() + " characters; the limit is "
                    + maxQueryLength);
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        if (headerBytes > maxHeaderBytes) {
            problems.write(ctx, 431, "The request headers take " + headerBytes + " bytes; the limit is "
                    + maxHeaderBytes + " bytes");
            return;
        }
        boolean signIn = signIn(ctx);
        if (!ctx.normalizedPath().startsWith("/api/") && !signIn) {
            ctx.next();
            return;
        }
        boolean write = !READS.contains(request.method());
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && (write || preflightOfWrite(request)) && !mayWrite(origin, request)) {
            problems.write(ctx, 403, "Writes are not accepted from a page of origin " + origin
                    + (writeOrigins.isEmpty() ? "" : "; they are from " + String.join(", ", writeOrigins)));
            return;
        }
        String client = client(request);
        if (sendsCredentials(ctx)) {
            long locked = limits.secondsLockedOut(client);
            if (locked > 0) {
                ctx.response().putHeader("Retry-After", Long.toString(locked));
                problems.write(ctx, 429, "Too many failed logins from this client; no credentials are checked for "
                        + locked + " s");
                return;
            }
        }
        if (request.method() == HttpMethod.OPTIONS || signIn) {
            ctx.next(); // a preflight is not a use of the API, and a sign-in is limited by its failures
            return;
        }
        ClientLimits.Use use = limits.use(client, write);
        if (use != null) {
            HttpServerResponse response = ctx.response();
            response.putHeader("RateLimit-Limit", Integer.toString(use.rate().amount()))
                    .putHeader("RateLimit-Remaining", Long.toString(use.remaining()))
                    .putHeader("RateLimit-Reset", Long.toString(use.secondsToReset()))
                    .putHeader("RateLimit-Policy", use.rate().policy());
            if (!use.allowed()) {
                response.putHeader("Retry-After", Long.toString(Math.max(1, use.secondsToRetry())));
                problems.write(ctx, 429, "This client made more than " + use.rate().amount() + " "
                        + (write ? "writes" : "reads") + " in a minute; retry in " + Math.max(1, use.secondsToRetry())
                        + " s");
                return;
            }
        }
        ctx.next();
    }

    /** A CORS preflight asking whether a write may follow. */
    private static boolean preflightOfWrite(HttpServerRequest request) {
        String method = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        return request.method() == HttpMethod.OPTIONS && method != null
                && !READS.contains(HttpMethod.valueOf(method.strip().toUpperCase(java.util.Locale.ROOT)));
    }

    /** Whether a page of this origin may write: the API's own origin, or one configured. */
    private boolean mayWrite(String origin, HttpServerRequest request) {
        String host = request.getHeader(HttpHeaders.HOST);
        return writeOrigins.contains(origin) || host != null && origin.equals(request.scheme() + "://" + host);
    }

    /** The client a request counts against: its address (the proxy's client when forwarding headers are trusted). */
    static String client(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
