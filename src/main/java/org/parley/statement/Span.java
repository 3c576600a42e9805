package org.parley.statement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a statement's text is in the report it comes from: characters {@code start} to {@code end}, end exclusive,
 * counted as Java strings count them (UTF-16 code units), so that the text is exactly
 * {@code report.substring(start, end)}. Parley does not keep the report; its source's {@code textSha256} lets whoever
 * holds the report check that it is the one the span counts in.
 */
@Schema(name = "Span", description = "Where the statement's text is in the report it was drafted from: characters"
        + " `start` (inclusive) to `end` (exclusive) in UTF-16 code units, as Java and JavaScript index strings, so that"
        + " `text` is exactly that part of the report; the source whose `url` is the statement's `sourceUrl` gives the"
        + " SHA-256 of the report's text. Absent for a statement typed by hand.", example = Span.EXAMPLE)
public record Span(
        @Schema(description = "Offset of the text's first character in the report, from 0", example = "1187",
                required = true, minimum = "0")
        Integer start,
        @Schema(description = "Offset just after the text's last character: `end - start` is the text's length",
                example = "1364", required = true, minimum = "1")
        Integer end) {

    /**
     * The span of seed statement 6 ("De son côté, M. Lavrov a confirmé ...", 177 characters) as a JSON example; the
     * offsets are illustrative.
     */
    public static final String EXAMPLE = "{\"start\": 1187, \"end\": 1364}";

    /** A statement body that may carry a span: its text and its span, checked together by {@link SpanMatchesText}. */
    public interface Spanned {
        String text();

        Span span();
    }

    /** The span with these offsets as stored, or null when there is none. */
    static Span of(Integer start, Integer end) {
        return start == null && end == null ? null : new Span(start, end);
    }

    /**
     * Why this span cannot be that of {@code text}, or null when it can: both offsets given, {@code start} at least
     * 0, {@code end} after it, and as many characters between them as the text has once stored (without the white
     * space around it, which Parley strips).
     */
    public String problem(String text) {
        if (start == null || end == null) {
            return "must give both start and end";
        }
        if (start < 0) {
            return "start must be 0 or more, not " + start;
        }
        if (end <= start) {
            return "end must be greater than start (" + start + "), not " + end;
        }
        if (text != null && end - start != text.strip().length()) {
            return "must cover exactly the text's length: end - start is " + (end - start) + " but the text has "
                    + text.strip().length() + " characters (UTF-16 code units, without the white space around it)";
        }
        return null;
    }
}
