/**
 * Published snapshots: dated, immutable archives of the whole public database (each collection as NDJSON and CSV,
 * with a manifest of counts, the last revision of the change feed they hold and the SHA-256 of each file), read in
 * one consistent view while writes go on and streamed to disk; listed, made by editors or on a schedule, and
 * downloaded by name with an ETag and ranges, so that a researcher can cite the exact data used.
 */
package org.parley.snapshot;
