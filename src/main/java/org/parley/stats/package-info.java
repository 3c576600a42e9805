/**
 * Statistics over events (timelines, dyads, topics), computed from the same filters as the event list. Depends on
 * event, store and web.
 */
package org.parley.stats;
