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
