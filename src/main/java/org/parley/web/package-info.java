/**
 * The HTTP edge every collection shares: the OpenAPI definition and its filter, problem responses (mappers and the
 * routes that fail before a resource), conditional requests, query parameters (raw UTF-8 in a query string too),
 * {@code Vary} for compressed responses, paging envelopes and {@code Link}
 * headers, merge patches, {@code fields=} selection, CSV and NDJSON exports, JSON settings, and
 * {@link org.parley.web.RecordResource}: the read/create/replace/patch/delete wiring of a single record, written once
 * for the four collections, with each collection's own texts in its {@link org.parley.web.RecordApi}, and
 * {@link org.parley.web.ListedRecordResource}: filtered, sorted, paged lists and their exports. Depends on
 * {@code store}, {@code problem} and {@code value}, and on {@code search} (how many words a {@code q} may hold) and
 * {@code security} (the editor role); the feature packages depend on it, never the reverse.
 */
package org.parley.web;
