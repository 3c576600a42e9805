package org.parley.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Request;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.function.Function;
import org.parley.problem.ProblemException;
import org.parley.problem.Violation;
import org.parley.store.Rendered;

/**
 * {@code PATCH} with {@code application/merge-patch+json} (RFC 7396): the patch is applied, by Jakarta JSON
 * Processing, to the record as a read sends it; the result is read as the body of a {@code PUT} (read-only properties
 * ignored, so the round trip holds) and validated like one. The patch is read as bytes: JSON is UTF-8 (RFC 8259)
 * whatever charset the request names or omits.
 */
@ApplicationScoped
public class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final ObjectMapper json;
    private final Validator validator;

    public MergePatch(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** The change of a PATCH: the patch applied, once the request's preconditions hold for the record as it stands. */
    public <R, Q> Function<Rendered<R>, Q> change(Request request, byte[] patch, Class<Q> requestType) {
        return current -> {
            Preconditions.check(request, current);
            return apply(current, patch, requestType);
        };
    }

    /** The replacement that the patch makes of the current representation, as a valid request of the type. */
    public <Q> Q apply(Rendered<?> current, byte[] patch, Class<Q> requestType) {
        try {
            // Jackson reads the patch first: Parsson takes malformed UTF-8 as U+FFFD and fails on deep nesting with an
            // unchecked error, where Jackson reports both as what they are
            json.readTree(patch);
        } catch (JsonProcessingException e) {
            throw ProblemMappers.jsonProblem(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array is never short of bytes
        }
        JsonValue merged;
        try {
            JsonValue base = Json.createReader(new ByteArrayInputStream(current.json())).readValue();
            merged = Json.createMergePatch(Json.createReader(new ByteArrayInputStream(patch)).readValue()).apply(base);
        } catch (JsonException e) {
            throw ProblemException.invalid(Violation.body("body", "is not a JSON merge patch: "
                    + (e.getMessage() == null ? "malformed JSON" : e.getMessage())));
        }
        if (merged.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ProblemException.invalid(Violation.body("body", "must be a JSON object (a merge patch)"));
        }
        Q request;
        try {
            request = json.readValue(merged.toString(), requestType);
        } catch (JsonProcessingException e) {
            throw ProblemMappers.jsonProblem(e); // as for a PUT body that Jackson cannot read
        }
        Set<ConstraintViolation<Q>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }
}
