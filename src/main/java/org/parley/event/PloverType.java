package org.parley.event;

/** The event categories of PLOVER (Political Language Ontology for Verifiable Event Records). */
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
