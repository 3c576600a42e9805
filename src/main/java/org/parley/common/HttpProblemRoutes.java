package org.parley.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

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

    public HttpProblemRoutes(ObjectMapper mapper,
            @ConfigProperty(name = "parley.http.max-body-size") MemorySize bodyLimit,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize importBodyLimit) {
        this.mapper = mapper;
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
        router.route().order(Integer.MIN_VALUE).handler(BodyHandler.create(false).setBodyLimit(bodyLimit));
        // Quarkus REST waits forever for an empty body that was read this way; every POST, PUT and PATCH of the API
        // needs a body, so an empty one is answered here.
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            HttpMethod method = ctx.request().method();
            boolean needsBody = method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
            if (needsBody && ctx.normalizedPath().startsWith("/api/") && (ctx.body().buffer() == null
                    || ctx.body().length() == 0)) {
                write(ctx, 400, Problem.BODY_REQUIRED);
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
            } else {
                ctx.next();
            }
        });
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
