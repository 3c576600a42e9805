-- Each event as its own read (GET /events/{id}) shows it, its statements' documents inside, so that the read is one
-- row by key: put together from event_doc and statement_doc, it was one row for the event and one index probe and
-- row per statement (2,900 reads/s on PostgreSQL at a million statements, against 14,000 for one row). Lists keep
-- event_doc, without statements. Dropped by every write that changes the event or one of its statements, and
-- rendered again in the background; an event without one is put together on read meanwhile.
create table event_full_doc (
    event_id bigint primary key references event (id) on delete cascade,
    doc      bytea not null
);
