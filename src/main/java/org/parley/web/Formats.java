package org.parley.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.parley.problem.ProblemException;
import org.parley.problem.Violation;

/**
 * {@code format=csv|ndjson|json} on any request stands for the matching {@code Accept} header, so that a browser
 * or a plain {@code curl} can ask for an export.
 */
@Provider
@PreMatching
public class Formats implements ContainerRequestFilter {

    public static final String CSV = "text/csv";
    public static final String NDJSON = "application/x-ndjson";

    private static final Map<String, String> MEDIA_TYPES = Map.of(
            "csv", CSV, "ndjson", NDJSON, "json", "application/json");

    /**
     * A text body as UTF-8, strictly: malformed bytes are a 400 problem ("Malformed NDJSON"), not U+FFFD stored in a
     * record.
     */
    public static String utf8(byte[] body, String format) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw notUtf8(format);
        }
    }

    /** The lines of a text body read as it arrives, as UTF-8, strictly: see {@link #notUtf8}. */
    public static BufferedReader utf8Lines(InputStream body) {
        // a decoder of its own reports malformed bytes (CharacterCodingException) instead of replacing them
        return new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()));
    }

    /** The 400 problem of a text body that is not UTF-8. */
    public static ProblemException notUtf8(String format) {
        return new ProblemException(400, ProblemException.VALIDATION_TYPE, "Malformed " + format,
                "The request body is not UTF-8", null);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> formats = request.getUriInfo().getQueryParameters().get("format");
        if (formats == null || formats.isEmpty()) {
            return;
        }
        if (formats.size() > 1) { // the exports have no parameter of that name for SingleValuedParams to see
            throw ProblemException.invalid(Violation.query("format", "is given " + formats.size()
                    + " times; it takes one value"));
        }
        String format = formats.get(0);
        String mediaType = MEDIA_TYPES.get(format.trim().toLowerCase(java.util.Locale.ROOT));
        if (mediaType == null) {
            throw ProblemException.invalid(Violation.query("format", "'" + format + "' is not one of csv, ndjson, json"));
        }
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, mediaType);
    }
}
