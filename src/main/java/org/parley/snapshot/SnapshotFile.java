package org.parley.snapshot;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One file of a snapshot's archive. */
@Schema(description = "One file of a snapshot's archive, with what checks it")
public record SnapshotFile(
        @Schema(description = "Its name in the archive", example = "statements.csv")
        String path,
        @Schema(description = "The collection it holds", example = "statements")
        String collection,
        @Schema(description = "`ndjson` (one JSON object per line, as the API shows the record) or `csv` (RFC 4180,"
                + " UTF-8, a header row; the columns of the collection's CSV export)", example = "csv")
        String format,
        @Schema(description = "How many records it holds", example = "16")
        long records,
        @Schema(description = "Its size, uncompressed", example = "9421")
        long bytes,
        @Schema(description = "SHA-256 of its bytes, lowercase hexadecimal, as `sha256sum` prints it",
                example = "3b0f4c1e58e8d6f2b2a6a7a3f0a8a4f56d0c0f1f3c1d1a8e2c7b3e6d9f0a1b2c")
        String sha256) {
}
