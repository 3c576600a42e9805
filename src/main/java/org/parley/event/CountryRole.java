package org.parley.event;

/** How a country filter matches an event: as a participant's country, as a country discussed, or either. */
public enum CountryRole {
    PARTICIPANT,
    SUBJECT,
    ANY
}
