-- A statement's entry in the word index moves onto the statement's own row: its stem sequences (which quoted phrases
-- are matched against) on both databases, its terms and their weights on PostgreSQL (null on H2, whose word index
-- stays the term rows of statement_term). On a separate stems row, PostgreSQL could not combine a search with the
-- statement's other conditions before reading rows: a quoted phrase on a million statements read the 40,000 stems
-- rows its words gave (640 ms) before the five years asked for kept 3,000 of them; on the statement's row, the GIN
-- index of its terms (migration db/postgresql/V23_1) and the index of its date are combined as bitmaps first.
-- A statement whose stems are null has no entry yet: the application indexes it at start-up
-- (org.parley.event.IndexBackfill). Runs unchanged on H2 2.x and PostgreSQL 15.
alter table statement add column stems varchar(1000000);
alter table statement add column terms varchar(100) array;
alter table statement add column weights integer array;

update statement set (stems, terms, weights) =
    (select x.stems, x.terms, x.weights from statement_stems x where x.statement_id = statement.id);

drop table statement_stems;
