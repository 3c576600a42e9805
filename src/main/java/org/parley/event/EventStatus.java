package org.parley.event;

/** Whether an event took place: announced ones are planned, cancelled ones did not happen. */
public enum EventStatus {
    ANNOUNCED,
    HELD,
    CANCELLED
}
