package org.parley.problem;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/**
 * A failure the client can act on. Services throw it; the HTTP edge (web.ProblemMappers) turns it into a problem
 * response.
 */
public class ProblemException extends RuntimeException {

    public static final String VALIDATION_TYPE = "urn:parley:problem:validation";
    public static final String CONFLICT_TYPE = "urn:parley:problem:conflict";
    public static final String NOT_FOUND_TYPE = "urn:parley:problem:not-found";

    private final int status;
    private final String type;
    private final String title;
    private final List<Violation> violations;

    public ProblemException(int status, String type, String title, String detail, List<Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = violations;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, NOT_FOUND_TYPE, "Not found", what + " " + id + " does not exist", null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, CONFLICT_TYPE, "Conflict", detail, null);
    }

    public static ProblemException invalid(List<Violation> violations) {
        String detail = violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid";
        return new ProblemException(Status.BAD_REQUEST.getStatusCode(), VALIDATION_TYPE, "Invalid request", detail,
                List.copyOf(violations));
    }

    public static ProblemException invalid(Violation violation) {
        return invalid(List.of(violation));
    }

    public Problem toProblem(String instance) {
        return new Problem(type, title, status, getMessage(), instance, violations);
    }

    /**
     * This failure as violations of the item at {@code at} of a larger input (an import): its fields under that
     * place, or the place itself with the detail.
     */
    public List<Violation> violationsAt(String at) {
        if (violations == null || violations.isEmpty()) {
            return List.of(Violation.body(at, getMessage()));
        }
        return violations.stream().map(v -> Violation.body(at + "." + v.field(), v.message())).toList();
    }

    /** The invalid fields, for a validation failure; else empty. */
    public List<Violation> violations() {
        return violations == null ? List.of() : violations;
    }

    public int status() {
        return status;
    }
}
