/**
 * Plain values every layer checks the same way: ISO 3166-1 country codes and BCP 47 language tags, as Bean Validation
 * constraints and look-ups, and the SHA-256 that names a text. Depends on nothing of Parley's, so that requests,
 * entities, filters and the drafter can all share one meaning of "a country".
 */
package org.parley.value;
