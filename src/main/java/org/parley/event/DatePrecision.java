package org.parley.event;

/** How precisely a source dates an event: the day, only the month, or only the year. */
public enum DatePrecision {
    DAY,
    MONTH,
    YEAR
}
