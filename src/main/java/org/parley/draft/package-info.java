/**
 * The drafter: turns the text of a news report into a draft import document (events, participants, statements)
 * with notes on how it read it; its lexicons, country words and transliteration table are data under
 * src/main/resources/draft/. Depends on bulk, the collections, store, value and web.
 */
package org.parley.draft;
