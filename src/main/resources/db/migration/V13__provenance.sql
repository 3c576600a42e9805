-- Provenance that survives publication: a statement drafted from a report keeps where its text is in that report
-- (span_start to span_end, end exclusive, in UTF-16 code units, so that the text is exactly that part of it), and an
-- event's source keeps the SHA-256 of the report's UTF-8 text (64 lowercase hex digits) that the spans count in.
-- Parley keeps no text of the report; whoever holds it checks each statement against it with the hash. All null for
-- what was typed by hand, as everything written so far was.
alter table statement add column span_start integer;
alter table statement add column span_end integer;
-- both or neither (a comparison with null is no violation: "is not null" says what it must)
alter table statement add constraint statement_span_ck check ((span_start is null and span_end is null)
    or (span_start is not null and span_end is not null and span_start >= 0 and span_end > span_start));
alter table statement_aud add column span_start integer;
alter table statement_aud add column span_end integer;

alter table event_source add column text_sha256 varchar(64);
alter table event_source_aud add column text_sha256 varchar(64);

-- The stored documents and CSV rows show the new fields (a statement's span and its source's hash, a source's hash):
-- those rendered so far lack them and are removed here, to be rendered again, with them, by the background task at
-- the next start (reads render from the tables meanwhile), as V8 did for the rows.
delete from event_full_doc;
delete from event_doc;
delete from statement_csv;
delete from statement_doc;
