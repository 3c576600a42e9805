/**
 * Participants (people and organisations): entity, repository, service, resource and request/response records. A
 * rename is published as a CDI event (ParticipantRenamed) that the event and statement packages observe in the
 * same transaction, so that this package never calls into them. Depends on store, web, history and the packages
 * below them.
 */
package org.parley.participant;
