package org.parley.snapshot;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The snapshots published, and the schedule that makes them. */
@Schema(description = "The published snapshots, newest first")
public record SnapshotList(
        @Schema(description = "How often a snapshot is made when the data changed (`off`: only on demand)",
                example = "24h")
        String every,
        @Schema(description = "The snapshots, newest first", example = "[{\"name\": \"parley-20261206T000000000Z\","
                + " \"href\": \"/api/v1/snapshots/parley-20261206T000000000Z\", \"bytes\": 48213, \"sha256\":"
                + " \"9f2d1c0b8a7e6d5c4b3a29180f1e2d3c4b5a69788796a5b4c3d2e1f00112233\", \"manifest\": {\"name\":"
                + " \"parley-20261206T000000000Z\", \"createdAt\": \"2026-12-06T00:00:00Z\", \"createdBy\":"
                + " \"schedule\", \"revision\": 42, \"counts\": {\"events\": 1, \"statements\": 16,"
                + " \"participants\": 5, \"topics\": 8, \"reports\": 1}, \"files\": []}}]")
        List<SnapshotResponse> items) {
}
