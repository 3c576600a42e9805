package org.parley.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.parley.problem.Problem;
import org.parley.problem.ProblemException;
import org.parley.problem.Violation;

/**
 * Writes problem responses for failures that happen in the HTTP layer, before Quarkus REST sees the request: a path
 * no route serves, and a body over the size limit. Everything else goes through {@link ProblemMappers}.
 */
@ApplicationScoped
public class HttpProblemRoutes {

    private static final Logger LOG = Logger.getLogger(HttpProblemRoutes.class);

    private final ObjectMapper mapper;
    private final long bodyLimit;
    private final long importBodyLimit;
    private final String signInPath;

    public HttpProblemRoutes(ObjectMapper mapper,
            @ConfigProperty(name = "parley.http.max-body-size") MemorySize bodyLimit,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize importBodyLimit,
            @ConfigProperty(name = "quarkus.http.auth.form.post-location") String signInPath) {
        this.mapper = mapper;
        this.signInPath = signInPath;
        this.bodyLimit = bodyLimit.asLongValue();
        this.importBodyLimit = importBodyLimit.asLongValue();
    }

    void install(@Observes Router router) {
        // Quarkus answers an oversized body with an empty 413. Reading bodies here first makes the excess a route
        // failure, which the failure handler below writes as a problem; Quarkus REST then uses the body read here.
        // Bulk imports take the larger limit Quarkus enforces; every other body the API's. A body handler leaves a
        // body that an earlier one read alone.
        router.route(HttpProblems.IMPORT_PATH).order(Integer.MIN_VALUE)
                .handler(BodyHandler.create(false).setBodyLimit(importBodyLimit));
        // The sign-in form's post is read by Quarkus' form authentication itself, which fails on a body read before.
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(bodyLimit);
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (ctx.request().method() == HttpMethod.POST && ctx.normalizedPath().equals(signInPath)) {
                ctx.next();
            } else {
                bodies.handle(ctx);
            }
        });
        // Quarkus REST waits forever for an empty body that was read this way; every POST, PUT and PATCH of the API
        // needs a body, so an empty one is answered here. A body without a Content-Type would be read as JSON.
        // Query strings are checked here too: Vert.x decodes malformed UTF-8 to U+FFFD and passes control characters.
        // Raw UTF-8 in a query string is rewritten to its percent escapes first, for every path (RawQuery).
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            HttpMethod method = ctx.request().method();
            boolean needsBody = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
            String rawQuery = RawQuery.rewrite(ctx);
            if (!ctx.normalizedPath().startsWith("/api/")) {
                ctx.next();
                return;
            }
            Violation query = queryViolation(rawQuery);
            if (query != null) {
                write(ctx, ProblemException.invalid(query));
            } else if (needsBody && (ctx.body().buffer() == null || ctx.body().length() == 0)) {
                write(ctx, 400, Problem.BODY_REQUIRED);
            } else if (needsBody && (ctx.request().getHeader("Content-Type") == null
                    || ctx.request().getHeader("Content-Type").contains("*"))) {
                write(ctx, 415); // a body's type is one type: application/* would be read as JSON
            } else if (needsBody && ctx.request().getHeader("Content-Type").contains("json")
                    && !isUtf8(ctx.body().buffer().getByteBuf().nioBuffer())) {
                // JSON is UTF-8 (RFC 8259); Jackson reads overlong forms such as C0 AF as "/", Parsson replaces bad
                // bytes with U+FFFD
                write(ctx, ProblemException.invalid(Violation.body("body", "is not UTF-8")));
            } else {
                ctx.next();
            }
        });
        router.errorHandler(404, ctx -> write(ctx, 404));
        router.errorHandler(405, ctx -> write(ctx, 405));
        router.errorHandler(413, ctx -> write(ctx, 413));
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            int status = ctx.statusCode();
            if (status == 413 || status == 404 || status == 405) {
                write(ctx, status);
            } else if (ctx.normalizedPath().startsWith("/api/")) {
                // any other failure before Quarkus REST (a multipart body Netty cannot decode): a problem, not
                // Quarkus' own error body
                if (status < 400 || status >= 500) {
                    LOG.errorf(ctx.failure(), "Failure on %s %s", ctx.request().method(), ctx.request().path());
                    write(ctx, status < 400 ? 500 : status);
                } else {
                    write(ctx, status, status == 400 ? "The request could not be read as its Content-Type says" : null);
                }
            } else {
                ctx.next();
            }
        });
    }

    /**
     * The first problem of a query string as {@link RawQuery} rewrote it: a malformed percent escape, bytes that are
     * not UTF-8, or a control character, in a parameter's name or value; null when it is sound.
     */
    static Violation queryViolation(String query) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder(); // reports malformed input instead of replacing it
        for (String pair : query.split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            String where = name.length() > 40 ? name.substring(0, 40) + "..." : name;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int i = 0; i < pair.length(); i++) {
                char c = pair.charAt(i);
                if (c == '%') {
                    int high = i + 2 < pair.length() ? Character.digit(pair.charAt(i + 1), 16) : -1;
                    int low = high < 0 ? -1 : Character.digit(pair.charAt(i + 2), 16);
                    if (low < 0) {
                        return Violation.query(where, "has a malformed percent escape");
                    }
                    bytes.write(high * 16 + low);
                    i += 2;
                } else {
                    bytes.write(c == '+' ? ' ' : c); // ASCII: RawQuery has escaped the raw bytes beyond it
                }
            }
            String text;
            try {
                text = utf8.decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            } catch (CharacterCodingException e) {
                return Violation.query(where, "is not UTF-8 once percent-decoded");
            }
            if (text.chars().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
                return Violation.query(where, "contains a control character");
            }
        }
        return null;
    }

    /** Whether the bytes are well-formed UTF-8, checked in small steps so that a large import is not copied. */
    static boolean isUtf8(ByteBuffer bytes) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        CharBuffer chars = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = utf8.decode(bytes, chars, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return !utf8.flush(chars.clear()).isError();
            }
            chars.clear();
        }
    }

    private void write(RoutingContext ctx, ProblemException problem) {
        if (ctx.response().headWritten()) {
            return;
        }
        try {
            String body = mapper.writeValueAsString(problem.toProblem(ctx.request().path()));
            ctx.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
        } catch (JsonProcessingException e) {
            LOG.error("Could not write a problem response", e);
            ctx.response().setStatusCode(problem.status()).end();
        }
    }

    private void write(RoutingContext ctx, int status) {
        write(ctx, status, null);
    }

    /**
     * Ends the request with a problem of this status; {@code detail} says what is wrong (null: the status' usual
     * words). Also for the other handlers of the HTTP layer (limits).
     */
    public void write(RoutingContext ctx, int status, String detail) {
        if (ctx.response().headWritten()) {
            return;
        }
        try {
            Problem problem = HttpProblems.of(status, ctx.request(), null);
            if (detail != null) {
                problem = new Problem(problem.type(), problem.title(), status, detail, problem.instance(), null);
            }
            String body = mapper.writeValueAsString(problem);
            ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
        } catch (JsonProcessingException e) {
            LOG.error("Could not write a problem response", e);
            ctx.response().setStatusCode(status).end();
        }
    }
}
