-- Event coding researchers can join: whether the event took place, its date range and precision, and PLOVER and
-- Goldstein coding beside the CAMEO code.

alter table event add column status varchar(20) default 'HELD' not null;
alter table event add column end_date date;
alter table event add column date_precision varchar(10) default 'DAY' not null;
alter table event add column plover_type varchar(20);
alter table event add column plover_mode varchar(40);
alter table event add column goldstein double precision;

create index event_cameo_idx on event (cameo_code);
create index event_status_idx on event (status);
