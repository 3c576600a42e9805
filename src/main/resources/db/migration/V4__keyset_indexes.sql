-- Keyset paging walks events by (date, id) and participants by (name, id), topics by (slug, id).
create index event_date_id_idx on event (event_date, id);
create index participant_name_id_idx on participant (name, id);
