-- PostgreSQL's form of the word index (org.parley.search.SearchIndex): each record's terms and their weights as two
-- arrays on its stems row, in term order, under a GIN index (migration db/postgresql/V21_1), and the table of the
-- distinct terms that prefixes are looked up in. A GIN index takes a record's terms as one entry where a B-tree
-- takes a row per term: a bulk import of 100,000 statements wrote 1.9 million rows of statement_term under two
-- B-trees in 6.7 s, the same terms as arrays under one GIN index in 1.1 s; and several words are found by one
-- bitmap of the index instead of a join per word.
-- H2 has no index on the elements of an array: there the columns stay null and the word index stays the term
-- tables of V19 (statement_term, event_term). Runs unchanged on H2 2.x and PostgreSQL 15.
alter table statement_stems add column terms varchar(100) array;
alter table statement_stems add column weights integer array;
alter table event_stems add column terms varchar(100) array;
alter table event_stems add column weights integer array;

-- No primary key, on purpose: a write adds the terms it does not find, inside its own transaction, and a unique key
-- would make two writes that bring the same new term wait for each other until the first commits (an import holds its
-- new terms for minutes), or deadlock. Two writes that bring the same new term at once both add it: harmless, a
-- prefix is looked up with "distinct".
create table search_term (
    term varchar(100) not null
);
create index search_term_idx on search_term (term);
