-- A record's history by its id, and a collection's by its owner, in revision order. The primary keys of the history
-- tables lead with the revision, so what reads one record's history scanned the whole table: Envers for a record's
-- revisions and for a read "as of" a moment, and a rewind (org.parley.backup.Rewind) for each record that a later
-- revision touched.
create index participant_aud_id_idx on participant_aud (id, rev);
create index topic_aud_id_idx on topic_aud (id, rev);
create index event_aud_id_idx on event_aud (id, rev);
create index event_participant_aud_id_idx on event_participant_aud (id, rev);
create index statement_aud_id_idx on statement_aud (id, rev);
create index participant_alias_aud_owner_idx on participant_alias_aud (participant_id, rev);
create index topic_alias_aud_owner_idx on topic_alias_aud (topic_id, rev);
create index event_source_aud_owner_idx on event_source_aud (event_id, rev);
create index event_subject_country_aud_owner_idx on event_subject_country_aud (event_id, rev);
create index event_topic_aud_owner_idx on event_topic_aud (event_id, rev);
create index statement_topic_aud_owner_idx on statement_topic_aud (statement_id, rev);
