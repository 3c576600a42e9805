package org.parley.report;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Report", description = "The text of a report that an event's source documents, as an import gave it")
public record ReportResponse(
        @Schema(description = "SHA-256 of the text's UTF-8 bytes, lowercase hexadecimal: the `textSha256` of the"
                + " sources that cite it", example = EXAMPLE_SHA256)
        String sha256,
        @Schema(description = "The report's text; a statement's `span` counts in it, in UTF-16 code units",
                example = EXAMPLE_TEXT)
        String text,
        @Schema(description = "Length of the text in UTF-16 code units, as spans count", example = "62")
        int length) {

    static final String EXAMPLE_TEXT = "ASTANA, 3 March (Wire) -- The minister said talks were useful.";
    static final String EXAMPLE_SHA256 = "fe47aa7bfa4404cad8f97636c98207a0bd3eeac5b162636adae7977ce42a63f3";

    static ReportResponse from(Report report) {
        return new ReportResponse(report.sha256, report.text, report.text.length());
    }
}
