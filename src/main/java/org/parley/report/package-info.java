/**
 * Report texts: the {@code report} table, keyed by the SHA-256 of each text, which the import fills from the sources
 * that carry their text, and {@code GET /api/v1/reports/{sha256}}. Uses {@code web}, {@code problem} and
 * {@code value}.
 */
package org.parley.report;
