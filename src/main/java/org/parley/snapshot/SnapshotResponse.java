package org.parley.snapshot;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A snapshot as listed: its archive and the manifest inside it. */
@Schema(name = "Snapshot", description = "A published snapshot: the archive to download and what it holds")
public record SnapshotResponse(
        @Schema(description = "Its name: `GET /api/v1/snapshots/{name}` downloads it",
                example = "parley-20261206T000000000Z")
        String name,
        @Schema(description = "The archive's URL, relative to the API's server",
                example = "/api/v1/snapshots/parley-20261206T000000000Z")
        String href,
        @Schema(description = "The archive's size", example = "48213")
        long bytes,
        @Schema(description = "SHA-256 of the archive, lowercase hexadecimal: also its ETag",
                example = "9f2d1c0b8a7e6d5c4b3a29180f1e2d3c4b5a69788796a5b4c3d2e1f00112233")
        String sha256,
        SnapshotManifest manifest) {
}
