package org.parley.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.parley.problem.Problem;
import org.parley.problem.ProblemException;
import org.parley.problem.Violation;
import org.parley.store.StorageFaults;

/**
 * The one place where exceptions become {@code application/problem+json} responses. Failures raised before a request
 * reaches a resource (unknown path, body too large) are written by {@link HttpProblemRoutes} with the same shape.
 *
 * <p>Written by hand: quarkus-resteasy-problem 3.21.0 was seen turning 401 into 500 on Quarkus 3.33, and the
 * mapping needed here is small.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** When to try a write again after the disk was full: space is freed by people, not in a second. */
    static final String FULL_RETRY_AFTER = "60";

    private final String signInPath;
    private final String cookieName;
    private final StorageFaults storage;

    public ProblemMappers(@ConfigProperty(name = "quarkus.http.auth.form.post-location") String signInPath,
            @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName, StorageFaults storage) {
        this.signInPath = signInPath;
        this.cookieName = cookieName;
        this.storage = storage;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return respond(e.toProblem(request.path()));
    }

    @ServerExceptionMapper
    public Response rangeNotSatisfiable(ByteRange.NotSatisfiable e, HttpServerRequest request) {
        return Response.fromResponse(respond(new Problem("urn:parley:problem:range-not-satisfiable",
                        "Range not satisfiable", 416, "The range asked for starts past the end of the " + e.size()
                        + " bytes there are; ask for bytes 0 to " + (e.size() - 1) + ", or without Range for all",
                        request.path(), null)))
                .header("Content-Range", "bytes */" + e.size()).build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(ProblemMappers::toViolation)
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        return respond(ProblemException.invalid(violations).toProblem(request.path()));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, HttpServerRequest request) {
        return respond(jsonProblem(e).toProblem(request.path()));
    }

    // Quarkus REST ships its own mappers for these subtypes; naming them here makes ours the closest match.
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpServerRequest request) {
        return unreadableJson(e, request);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, HttpServerRequest request) {
        return unreadableJson(e, request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return challenge(request, "Authentication is required: send HTTP Basic credentials or a bearer token, or sign"
                + " in (the session cookie)");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return challenge(request, "The credentials sent are not valid");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(new Problem("about:blank", "Forbidden", 403,
                "This user lacks the role this needs: 'editor' to change data, 'admin' to manage accounts",
                request.path(), null));
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, HttpServerRequest request) {
        return respond(ProblemException.conflict(
                "The record was changed by someone else in the meantime: read it again and resend your change")
                .toProblem(request.path()));
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, HttpServerRequest request) {
        if (StorageFaults.isStorageFull(e)) {
            return insufficientStorage(e, request);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException) {
                LOG.debugf(e, "Constraint violation on %s", request.path());
                return respond(ProblemException.conflict("The change conflicts with existing data")
                        .toProblem(request.path()));
            }
            if (cause instanceof OptimisticLockException || cause instanceof org.hibernate.StaleStateException) {
                return optimisticLock(null, request);
            }
            if (databaseUnavailable(cause)) {
                return unavailable(cause, request);
            }
            if (lockNotAcquired(cause)) {
                // another write held the same records past the lock timeout, or the two waited for each other
                LOG.infof("Lock not acquired for %s %s: %s", request.method(), request.path(), cause.getMessage());
                return Response.status(409).type(Problem.MEDIA_TYPE).header("Retry-After", "1")
                        .entity(ProblemException.conflict("Another change of the same records held them too long;"
                                + " nothing was changed; retry in a moment").toProblem(request.path()))
                        .build();
            }
        }
        return unexpected(e, request);
    }

    /**
     * The database's disk is full: the write was refused whole (PostgreSQL rolled the transaction back; H2 failed to
     * write its commit and reopens its file at the next connection, as of its last commit), reads go on, and writes
     * come back by themselves once space is freed. 507 as WebDAV defines it (RFC 4918): the server cannot store what
     * the request needs.
     */
    private Response insufficientStorage(Throwable cause, HttpServerRequest request) {
        storage.refused(cause);
        LOG.errorf("Storage full for %s %s: %s", request.method(), request.path(), cause.getMessage());
        if (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD) {
            // a read met the database closed by a write that failed for want of space: H2 reopens it at once
            return unavailable(cause, request, "The database's disk is full and the database is reopening after a"
                    + " write it refused; reads go on in a moment");
        }
        return insufficientStorage(request.path(), "The database's disk is full: nothing was changed; reads go on;"
                + " retry once space is freed");
    }

    /** A 507 problem with {@code Retry-After}: a write refused for want of space, nothing changed. */
    static Response insufficientStorage(String path, String detail) {
        return Response.status(507).type(Problem.MEDIA_TYPE).header("Retry-After", FULL_RETRY_AFTER)
                .entity(new Problem("about:blank", "Insufficient Storage", 507, detail, path, null)).build();
    }

    /** No database connection free in time, or the database is down: a client may retry. */
    private static Response unavailable(Throwable cause, HttpServerRequest request) {
        return unavailable(cause, request,
                "The database is unavailable or busy; nothing was changed; retry in a moment");
    }

    private static Response unavailable(Throwable cause, HttpServerRequest request, String detail) {
        LOG.warnf("Database unavailable for %s %s: %s", request.method(), request.path(), cause.getMessage());
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "1")
                .entity(new Problem("about:blank", "Service Unavailable", 503, detail, request.path(), null))
                .build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, request);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.errorf(e, "Server error on %s %s", request.method(), request.path());
        }
        Response.ResponseBuilder builder = Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(HttpProblems.of(status, request, original.getHeaderString(HttpHeaders.ALLOW)));
        if (original.getHeaderString(HttpHeaders.ALLOW) != null) {
            builder.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (StorageFaults.isStorageFull(e)) {
            return insufficientStorage(e, request);
        }
        // a database failure at commit arrives wrapped (RollbackException in ArcUndeclaredThrowableException)
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof PersistenceException persistence) {
                return persistence(persistence, request);
            }
            if (databaseUnavailable(cause)) {
                return unavailable(cause, request);
            }
            // the commit itself failed: the transaction manager keeps the driver's error as a suppressed exception
            // of its RollbackException, and whether the database committed before the connection broke is unknown
            for (Throwable suppressed : cause.getSuppressed()) {
                for (Throwable inner = suppressed; inner != null; inner = inner.getCause()) {
                    if (databaseUnavailable(inner)) {
                        return unavailable(inner, request, "The connection to the database broke while the change"
                                + " was being committed; it may or may not have been made: read it before sending"
                                + " it again");
                    }
                }
            }
        }
        LOG.errorf(e, "Unexpected failure on %s %s", request.method(), request.path());
        return respond(new Problem("about:blank", "Internal Server Error", 500,
                "The server failed to handle this request; the failure has been logged", request.path(), null));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * A 401 with the challenge for the client: HTTP Basic, except for a page's script (a request of a browser's
     * {@code fetch}, by its {@code Sec-Fetch-Mode}) and the sign-in form, which are told to sign in with the form
     * (draft-broyer-http-cookie-auth's scheme): a Basic challenge would make the browser ask for a password itself.
     */
    private Response challenge(HttpServerRequest request, String detail) {
        String mode = request.getHeader("Sec-Fetch-Mode");
        boolean page = mode != null && !mode.equals("navigate") || request.path().equals(signInPath);
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, page
                        ? "Cookie realm=\"Parley\", form-action=\"" + signInPath + "\", cookie-name=\"" + cookieName
                                + "\""
                        : "Basic realm=\"Parley\", charset=\"UTF-8\"")
                .entity(new Problem("about:blank", "Unauthorized", 401, detail, request.path(), null))
                .build();
    }

    /** A violation of a record validated on its own, at {@code at} in a larger body (an item of an import). */
    public static Violation toViolation(String at, ConstraintViolation<?> violation) {
        String field = indexed(violation.getPropertyPath());
        return Violation.body(field.isEmpty() ? at : at + "." + field, violation.getMessage());
    }

    /** A bean-validation violation named by the JSON path of the body field, or by the query parameter's name. */
    private static Violation toViolation(ConstraintViolation<?> violation) {
        String field = indexed(violation.getPropertyPath());
        if (!field.isEmpty()) {
            return Violation.body(field, violation.getMessage());
        }
        // a constraint on a method parameter itself: in this API only request bodies have such constraints
        return Violation.body("body", violation.getMessage());
    }

    /**
     * Renders the part of a property path inside the request body, like {@code participants[1].country}; bean
     * validation puts a list index on the node after the list, so it is written before that node's name.
     */
    private static String indexed(Path path) {
        StringBuilder out = new StringBuilder();
        // a parameter's path starts with its method; a body validated on its own (a merged PATCH) starts inside it
        boolean inBody = path.iterator().hasNext() && path.iterator().next().getKind() != ElementKind.METHOD;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                inBody = true;
                continue;
            }
            if (!inBody) {
                continue;
            }
            if (node.getIndex() != null || node.getKey() != null) {
                out.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.toString();
    }

    /** Problems for bodies Jackson could not read, worded without Java type names. */
    public static ProblemException jsonProblem(JsonProcessingException e) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            return new ProblemException(400, ProblemException.VALIDATION_TYPE, "Malformed JSON",
                    "The request body is not valid JSON" + where, null);
        }
        String field = jsonPath(mapping.getPath());
        String message;
        if (e instanceof JsonConfig.Refused refused) {
            message = refused.reason();
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            message = "unknown field '" + unknown.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            message = "'" + format.getValue() + "' is not " + JsonTypes.describe(format.getTargetType());
        } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            message = "expected " + JsonTypes.describe(mismatched.getTargetType());
        } else if (e instanceof InvalidTypeIdException) {
            message = "has an unsupported type";
        } else {
            message = "has a value that cannot be read";
        }
        if (field.isEmpty()) {
            return new ProblemException(400, ProblemException.VALIDATION_TYPE, "Malformed JSON",
                    "The request body does not have the expected structure: " + message, null);
        }
        return ProblemException.invalid(Violation.body(field, message));
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            }
        }
        return out.toString();
    }

    /**
     * Whether a database failure is a lock this request did not get: a lock timeout (PostgreSQL 55P03, H2 HYT00), a
     * deadlock (40P01) or a serialization failure (40001). The request lost a race with another write.
     */
    private static boolean lockNotAcquired(Throwable failure) {
        return failure instanceof jakarta.persistence.PessimisticLockException
                || failure instanceof jakarta.persistence.LockTimeoutException
                || failure instanceof org.hibernate.exception.LockAcquisitionException
                || failure instanceof java.sql.SQLException sql && sql.getSQLState() != null
                        && List.of("55P03", "HYT00", "40P01", "40001").contains(sql.getSQLState());
    }

    /**
     * Whether a database failure means the database cannot serve this request now, rather than a fault of the
     * request: no connection in time, a connection error (SQLSTATE class 08), a server shutting down or starting
     * (57P01-57P03, as PostgreSQL reports a connection it ends while stopping), a write reaching a read-only server
     * (25006: a replica, or a primary being replaced) or a read on a replica cancelled by the replay of the
     * primary's changes (40001 "conflict with recovery", which is not a lost race of two writes).
     */
    private static boolean databaseUnavailable(Throwable failure) {
        // Hibernate's exceptions wrap the driver's SQLException, which the caller's walk down the causes reaches
        if (failure instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        if (!(failure instanceof java.sql.SQLException sql) || sql.getSQLState() == null) {
            return false;
        }
        String state = sql.getSQLState();
        // H2: 90098 the database was closed (after a failed write: it reopens at the next connection), 90121 closing
        return state.startsWith("08") || state.startsWith("57P") || state.equals("25006") || state.equals("90098")
                || state.equals("90121")
                || state.equals("40001") && String.valueOf(sql.getMessage()).contains("conflict with recovery");
    }
}
