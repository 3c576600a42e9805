package org.parley.snapshot;

/**
 * A file of a snapshot written into its archive, fired synchronously in the snapshot's transaction, before the next
 * file is read: what happens meanwhile in other transactions must not show in the snapshot (SnapshotTest writes then).
 */
public record SnapshotFileWritten(String snapshot, String path, long records) {
}
