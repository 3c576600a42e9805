/**
 * Pages for people at {@code /}: the reader's view of events, of one event and of countries (and the curator's desk),
 * rendered with Qute from the same services, queries and stored documents the API answers with (no second data path),
 * with the layout and style sheet under {@code META-INF/resources/assets}; a failure on a page is an HTML page with
 * the API's message and status. Depends on event, stats, history, code, report, {@code store}, {@code web}, {@code
 * problem} and {@code value}; nothing depends on it.
 */
package org.parley.page;
