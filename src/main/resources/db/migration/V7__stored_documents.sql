-- Each event and statement as the API shows it, rendered to JSON by the application when the record is written
-- (events without their statements, as lists show them). Reads send these documents as they are instead of
-- loading the record, its people, topics, countries and sources and serialising them again on every request.
-- A missing document is not an error: the record is rendered from its tables on read, and a background task
-- renders what is missing (after a bulk load, or after a rename made the documents that show the name stale).
-- The documents are UTF-8 bytes, as responses send them: text columns would be decoded to Java strings and encoded
-- again on every read (a third of Parley's time on a list of twenty events). In psql: convert_from(doc, 'UTF8').
create table event_doc (
    event_id bigint primary key references event (id) on delete cascade,
    doc      bytea not null
);

create table statement_doc (
    statement_id bigint primary key references statement (id) on delete cascade,
    doc          bytea not null
);
