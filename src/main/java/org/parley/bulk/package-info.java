/**
 * The bulk import: an NDJSON or JSON import document of participants, topics, events and statements, written through
 * the collections' services in batches, keeping the report texts its sources carry. Depends on the four collections,
 * report, security, store, value and web, and on draft for the type of the drafter's notes an import document may
 * carry (the two packages depend on each other).
 */
package org.parley.bulk;
