/**
 * The word index of statements and events, written by hand so that H2 and PostgreSQL answer a q alike: it takes
 * keys and words, never entities (the event and statement packages say what their words are), and adds its joins
 * to a store filter. Depends only on store.
 */
package org.parley.search;
