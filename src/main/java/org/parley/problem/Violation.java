package org.parley.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One invalid input: which field (a JSON path such as {@code participants[1].country}, or a query parameter), where it was, and why. */
@Schema(description = "One invalid input value")
public record Violation(
        @Schema(description = "JSON path of the body field, or name of the query or path parameter", example = "participants[1].country")
        String field,
        @Schema(description = "Where the field was sent", enumeration = {"body", "query", "path"}, example = "body")
        String in,
        @Schema(description = "What is wrong with it", example = "must be an ISO 3166-1 alpha-2 country code such as CN")
        String message) {

    public static Violation body(String field, String message) {
        return new Violation(field, "body", message);
    }

    public static Violation query(String field, String message) {
        return new Violation(field, "query", message);
    }
}
