package org.parley.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.parley.problem.Problem;

/** Problems for plain HTTP failures (unknown path, wrong method, media type, size), worded for the client. */
final class HttpProblems {

    /** The request body limit, {@code parley.http.max-body-size} in application.properties. */
    static final String BODY_LIMIT = "1 MiB";
    /** The body limit of bulk imports, {@code quarkus.http.limits.max-body-size} in application.properties. */
    static final String IMPORT_BODY_LIMIT = "512 MiB";
    static final String IMPORT_PATH = "/api/v1/import";

    private HttpProblems() {
    }

    static Problem of(int status, HttpServerRequest request, String allow) {
        String contentType = request.getHeader("Content-Type");
        String detail = switch (status) {
            case 400 -> "The request is not valid";
            case 404 -> "There is nothing at " + request.path() + "; the API lives under /api/v1";
            case 405 -> "Method " + request.method() + " is not allowed on " + request.path()
                    + (allow == null ? "" : "; allowed: " + allow);
            case 406 -> "This resource only produces application/json (and application/problem+json for errors)";
            case 413 -> "The request body is larger than the limit of "
                    + (IMPORT_PATH.equals(request.path()) ? IMPORT_BODY_LIMIT : BODY_LIMIT);
            case 415 -> (contentType == null ? "A request body needs a Content-Type"
                    : "Content-Type '" + contentType + "' is not supported") + "; send application/json";
            default -> reason(status);
        };
        return new Problem("about:blank", reason(status), status, detail, request.path(), null);
    }

    static String reason(int status) {
        if (status == 413) {
            return "Content Too Large"; // RFC 9110's name; JAX-RS still has the older one
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            default -> status >= 500 ? "Server Error" : "Client Error";
        };
    }
}
