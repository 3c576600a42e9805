-- An event's entry in the word index holds only its own words (title and summary): the words of its statements are
-- found through the statements' entries (org.parley.search.SearchIndex), no longer copied into the event's. The
-- entries written before this version are dropped; the application indexes every event without a stems row again at
-- start-up (org.parley.event.IndexBackfill), and is not ready until it is done.
-- Runs unchanged on H2 2.x and PostgreSQL 15.
delete from event_term;
delete from event_stems;
