package org.parley.participant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What kind of actor a participant is. */
@Schema(description = "What kind of actor a participant is: a person (Wang Yi) or an organisation (the CSTO)")
public enum ParticipantKind {
    PERSON,
    ORGANIZATION
}
