/**
 * The stored-document read model, Parley's central design decision: every record is rendered to JSON (and to its
 * CSV export row) when it is written and kept beside its entity, so that reads, lists and exports copy stored bytes
 * instead of loading entity graphs. Holds the base {@link org.parley.store.Record} entity, the
 * {@link org.parley.store.Documents} table access, {@link org.parley.store.Rendered} bodies, CSV rows, the data
 * generation and the per-generation list cache, keyset cursors and pages, query filters, and set-based bulk inserts
 * ({@link org.parley.store.Rows}). Depends only on {@code problem}; knows no HTTP and no collection.
 */
package org.parley.store;
