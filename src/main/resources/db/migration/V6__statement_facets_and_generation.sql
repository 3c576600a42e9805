-- Statements carry their event's date and their speaker's country, so that "statements of country X (about
-- topic T) between two dates, newest first" walks one index in order instead of joining a million statements
-- to their events and speakers. Kept by the application on every write; filled here for the statements that
-- exist. A bulk load that bypasses the API must run the update again (bench/load.sh does).
alter table statement add column event_date date;
alter table statement add column speaker_country varchar(2);

update statement set
    event_date = (select e.event_date from event e where e.id = statement.event_id),
    speaker_country = (select p.country from participant p where p.id = statement.speaker_id);

alter table statement alter column event_date set not null;

create index statement_date_idx on statement (event_date, event_id, position, id);
create index statement_country_date_idx on statement (speaker_country, event_date, event_id, position, id);

-- A counter that every write transaction advances: list totals are cached per generation, so a total is
-- computed once per distinct filter until the data changes, on every instance that shares the database.
create table data_generation (
    id         integer primary key,
    generation bigint  not null
);
insert into data_generation (id, generation) values (1, 0);
