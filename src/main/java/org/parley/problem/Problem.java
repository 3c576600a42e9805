package org.parley.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every error response. */
@Schema(name = "Problem", description = "RFC 9457 problem detail (media type application/problem+json)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(description = "URI reference identifying the problem type", example = "urn:parley:problem:validation")
        String type,
        @Schema(description = "Short summary of the problem type", example = "Invalid request")
        String title,
        @Schema(description = "HTTP status code", example = "400")
        int status,
        @Schema(description = "Explanation of this occurrence", example = "2 fields are invalid")
        String detail,
        @Schema(description = "The request path that caused the problem", example = "/api/v1/events")
        String instance,
        @Schema(description = "The invalid fields, for validation problems", example = VIOLATIONS)
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String BODY_REQUIRED = "the request needs a JSON body";

    static final String VIOLATIONS = """
            [{"field": "participants[1].country", "in": "body",
              "message": "must be an ISO 3166-1 alpha-2 country code in uppercase, such as CN"}]
            """;
}
