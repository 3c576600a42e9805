package org.parley.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestResponse;
import org.parley.problem.ProblemException;
import org.parley.store.Rendered;

/**
 * Conditional requests (RFC 9110 section 13) on single records. A record's entity tag is strong and names the bytes a
 * read sends: a digest of its representation, which includes its {@code version} and also changes when something it
 * shows changes without a new version (an event's statements, a speaker's name). The headers are evaluated by
 * JAX-RS ({@link Request#evaluatePreconditions(EntityTag)}): {@code If-None-Match} on a read gives 304,
 * {@code If-Match} on a write that does not match gives a 412 problem, and a write checks it while it holds the
 * record's lock, so that two clients that read the same version cannot both write.
 */
public final class Preconditions {

    public static final String PRECONDITION_FAILED_TYPE = "urn:parley:problem:precondition-failed";

    private Preconditions() {
    }

    /** The strong entity tag of a representation: the first 128 bits of its SHA-256, base64url. */
    public static EntityTag tag(Rendered<?> representation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(representation.json());
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A read: 304 when {@code If-None-Match} names the current tag, else 200 with the representation and its tag. */
    public static <T> RestResponse<Rendered<T>> read(Request request, Rendered<T> representation) {
        EntityTag tag = tag(representation);
        Response.ResponseBuilder failed = request.evaluatePreconditions(tag);
        if (failed != null) {
            int status = failed.build().getStatus();
            if (status != Response.Status.NOT_MODIFIED.getStatusCode()) {
                throw failure(tag);
            }
            return RestResponse.ResponseBuilder.<Rendered<T>>notModified(tag).build();
        }
        return ok(representation, tag); // the tag already computed: a digest of the whole body costs
    }

    /** A record as a write left it: 200 with its tag, for the next conditional write. */
    public static <T> RestResponse<Rendered<T>> written(Rendered<T> representation) {
        return ok(representation, tag(representation));
    }

    private static <T> RestResponse<Rendered<T>> ok(Rendered<T> representation, EntityTag tag) {
        return RestResponse.ResponseBuilder.ok(representation).tag(tag).build();
    }

    /**
     * The change of a PUT: the request's body, once the request's preconditions hold for the record as it stands.
     */
    public static <R, Q> Function<Rendered<R>, Q> replacement(Request request, Q body) {
        return current -> {
            check(request, current);
            return body;
        };
    }

    /** Throws a 412 problem unless the request's {@code If-Match} / {@code If-None-Match} allow a write of it now. */
    public static void check(Request request, Rendered<?> current) {
        EntityTag tag = tag(current);
        if (request.evaluatePreconditions(tag) != null) {
            throw failure(tag);
        }
    }

    private static ProblemException failure(EntityTag current) {
        return new ProblemException(412, PRECONDITION_FAILED_TYPE, "Precondition failed",
                "The record has changed since the version you name: its ETag is now \"" + current.getValue()
                        + "\"; read it again and resend your change", null);
    }
}
