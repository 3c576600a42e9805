package org.parley.event;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whether an event took place: announced ones are planned, cancelled ones did not happen. */
@Schema(description = "Whether an event took place: ANNOUNCED (planned), HELD, or CANCELLED (did not happen)")
public enum EventStatus {
    ANNOUNCED,
    HELD,
    CANCELLED
}
