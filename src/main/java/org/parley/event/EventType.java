package org.parley.event;

/** Kinds of diplomatic interaction, each with the CAMEO event code it implies unless the event says otherwise. */
public enum EventType {
    PHONE_CALL("041"),
    VIDEO_CALL("041"),
    MEETING("044"),
    VISIT("042"),
    SUMMIT("040"),
    NEGOTIATION("046"),
    AGREEMENT("057"),
    JOINT_STATEMENT("019"),
    STATEMENT("010"),
    OTHER("040");

    private final String defaultCameoCode;

    EventType(String defaultCameoCode) {
        this.defaultCameoCode = defaultCameoCode;
    }

    /** CAMEO code used when an event gives none: 041 "discuss by telephone" for a phone call, and so on. */
    public String defaultCameoCode() {
        return defaultCameoCode;
    }
}
