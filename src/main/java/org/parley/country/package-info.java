/**
 * Countries as Parley knows them: ISO 3166-1 codes with their events as participant and as subject, read from the
 * event country index. Depends on event, problem, value and web.
 */
package org.parley.country;
