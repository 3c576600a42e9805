/**
 * Statements: what a participant said at an event, in the words of the source; entity, repository and query,
 * service, resource, CSV rows. Observes participant renames. Depends on event, participant, topic, search,
 * history, store and web (and event on it, see the event package).
 */
package org.parley.statement;
