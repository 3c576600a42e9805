/**
 * Events, the heart of Parley: entity and its parts, repository and query, service, resource, stored documents, CSV
 * rows, the country index and the event's words for the search index. Depends on topic, participant, code, report,
 * search, history, store and web; the event and statement packages depend on each other, as an event's document embeds
 * its statements and a statement belongs to an event.
 */
package org.parley.event;
