package org.parley.participant;

/** What kind of actor a participant is. */
public enum ParticipantKind {
    PERSON,
    ORGANIZATION
}
