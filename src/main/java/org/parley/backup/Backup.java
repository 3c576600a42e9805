package org.parley.backup;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One verified backup: its file, when it was taken, its size, and what opening it found (the last revision of the
 * history it holds, and its numbers of events and statements).
 */
public record Backup(Path file, Instant takenAt, long bytes, long lastRevision, long events, long statements) {
}
