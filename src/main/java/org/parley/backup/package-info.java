/**
 * Backups of the embedded H2 database: online, on a schedule, each verified by opening it, kept to a count; their
 * outcome on {@code /q/metrics} and in the wellness check "backups". A restore is {@code tools/restore-h2.sh}
 * (docs/deployment.md), to a backup or, through {@link org.parley.backup.Rewind}, to any revision of the records'
 * history. PostgreSQL is backed up by its own tools (pgBackRest), outside Parley.
 */
package org.parley.backup;
