-- The word index holds stems (org.parley.search.SearchTerms): each word reduced by the Snowball stemmer of its text's
-- language, in two forms, with a BM25 weight for sort=relevance; and each record's sequences of stems, which quoted
-- phrases are matched against once the word index has found the records with every word of the phrase.
-- The words indexed before this version are dropped: the application indexes every record without a stems row
-- again at start-up (org.parley.event.IndexBackfill), in batches, and is not ready until it is done.
-- Runs unchanged on H2 2.x and PostgreSQL 15.
delete from statement_term;
delete from event_term;
alter table statement_term add column weight integer not null;
alter table event_term add column weight integer not null;

create table statement_stems (
    statement_id bigint primary key references statement (id) on delete cascade,
    stems        varchar(1000000) not null
);

create table event_stems (
    event_id bigint primary key references event (id) on delete cascade,
    stems    varchar(1000000) not null
);

-- A record's terms in term order, with their weights: a word condition checked on a record (the other way round from
-- the primary key) and a relevance score read from the index alone. (The single-column index of V2 stays: H2's foreign
-- key uses it.)
create index statement_term_record_idx on statement_term (statement_id, term, weight);
create index event_term_record_idx on event_term (event_id, term, weight);
