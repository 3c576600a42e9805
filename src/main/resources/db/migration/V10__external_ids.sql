-- Natural keys for bulk import: an id that a data provider gives a participant or an event, unique when present.
alter table participant add column external_id varchar(200);
create unique index participant_external_id_uk on participant (external_id);
alter table participant_aud add column external_id varchar(200);

alter table event add column external_id varchar(200);
create unique index event_external_id_uk on event (external_id);
alter table event_aud add column external_id varchar(200);

-- import finds participants by Wikidata id too
create index participant_wikidata_idx on participant (wikidata_id);
