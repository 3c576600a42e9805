package org.parley.event;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How precisely a source dates an event: the day, only the month, or only the year. */
@Schema(description = "How precisely the source dates an event: the day, only the month, or only the year")
public enum DatePrecision {
    DAY,
    MONTH,
    YEAR
}
