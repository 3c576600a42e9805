package org.parley.event;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Kinds of diplomatic interaction, each with the CAMEO event code and the PLOVER type and mode it implies unless the
 * event says otherwise. A plain statement has no PLOVER category (PLOVER drops CAMEO's "make public statement").
 */
@Schema(description = "Kind of diplomatic interaction. It gives the CAMEO code, PLOVER type and PLOVER mode of an"
        + " event that sets none; the CAMEO codes: PHONE_CALL and VIDEO_CALL 041, MEETING 044, VISIT 042, SUMMIT 040,"
        + " NEGOTIATION 046, AGREEMENT 057, JOINT_STATEMENT 019, STATEMENT 010, OTHER 040")
public enum EventType {
    PHONE_CALL("041", PloverType.CONSULT, "phone"),
    VIDEO_CALL("041", PloverType.CONSULT, "phone"),
    MEETING("044", PloverType.CONSULT, "third-party"),
    VISIT("042", PloverType.CONSULT, "visit"),
    SUMMIT("040", PloverType.CONSULT, "multilateral"),
    NEGOTIATION("046", PloverType.CONSULT, null),
    AGREEMENT("057", PloverType.AGREE, null),
    JOINT_STATEMENT("019", PloverType.AGREE, null),
    STATEMENT("010", null, null),
    OTHER("040", null, null);

    private final String defaultCameoCode;
    private final PloverType defaultPloverType;
    private final String defaultPloverMode;

    EventType(String defaultCameoCode, PloverType defaultPloverType, String defaultPloverMode) {
        this.defaultCameoCode = defaultCameoCode;
        this.defaultPloverType = defaultPloverType;
        this.defaultPloverMode = defaultPloverMode;
    }

    public PloverType defaultPloverType() {
        return defaultPloverType;
    }

    public String defaultPloverMode() {
        return defaultPloverMode;
    }

    /** CAMEO code used when an event gives none: 041 "discuss by telephone" for a phone call, and so on. */
    public String defaultCameoCode() {
        return defaultCameoCode;
    }
}
