package org.parley.event;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The event categories of PLOVER (Political Language Ontology for Verifiable Event Records). */
@Schema(description = "PLOVER event category (Political Language Ontology for Verifiable Event Records); by"
        + " default calls, meetings, visits, summits and negotiations are CONSULT, agreements and joint statements"
        + " AGREE")
public enum PloverType {
    AGREE,
    CONSULT,
    SUPPORT,
    CONCEDE,
    COOPERATE,
    AID,
    RETREAT,
    REQUEST,
    ACCUSE,
    REJECT,
    THREATEN,
    PROTEST,
    SANCTION,
    MOBILIZE,
    COERCE,
    ASSAULT
}
