-- Each statement's row of the CSV export (columns of StatementRow, without header, ending in a newline), rendered
-- by the application beside its JSON document and kept with it: a full CSV export then sends stored bytes in
-- keyset batches, like the NDJSON export, instead of joining every statement to its event, speaker and topics.
-- The documents stored so far have no row: they are removed here and rendered again, with their rows, by the
-- background task at the next start (reads render from the tables meanwhile).
delete from statement_doc;
alter table statement_doc add column csv bytea not null;
