/**
 * The HTTP edge every collection shares: the OpenAPI definition and its filter, problem responses (mappers and the
 * routes that fail before a resource), conditional requests, query parameters, paging envelopes and {@code Link}
 * headers, merge patches, {@code fields=} selection, CSV and NDJSON exports and JSON settings. Depends on
 * {@code store}, {@code problem} and {@code value}; the feature packages depend on it, never the reverse.
 */
package org.parley.web;
