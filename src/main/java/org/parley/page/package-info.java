/**
 * Pages for people at {@code /}: the reader's view of events and countries and the curator's desk, rendered with Qute
 * from the same services, queries and stored documents the API answers with (no second data path), with the
 * layout, style sheet and scripts under {@code META-INF/resources/assets}. Depends on the collections, {@code stats},
 * {@code draft}, {@code store}, {@code web} and {@code value}; nothing depends on it.
 */
package org.parley.page;
