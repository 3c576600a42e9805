package org.parley.participant;

/**
 * A participant's name or country changed. Events show their participants' names and countries, statements their
 * speaker's name and (in CSV) country: the event and statement packages observe this fact, synchronously and in the
 * transaction of the change, and give what shows the participant a revision and a new rendering. Published as a CDI
 * event so that this package, below them, never calls into them.
 *
 * @param id the participant
 * @param country its country now (null for none)
 * @param countryChanged whether the country changed, not only the name
 */
public record ParticipantRenamed(long id, String country, boolean countryChanged) {
}
