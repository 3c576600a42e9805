-- The countries of each event with their role and the event's date, so that "events of country X between two
-- dates" is one index range instead of a join over all participants. Kept by the application on every write;
-- filled here for the events that exist. A bulk load that bypasses the API must run the two inserts again
-- (bench/load.sh does).

create table event_country (
    country    varchar(2)  not null,
    role       varchar(12) not null,
    event_date date        not null,
    event_id   bigint      not null references event (id) on delete cascade,
    primary key (country, role, event_date, event_id)
);
create index event_country_event_idx on event_country (event_id);

insert into event_country (country, role, event_date, event_id)
select distinct p.country, 'PARTICIPANT', e.event_date, e.id
from event e join event_participant ep on ep.event_id = e.id join participant p on p.id = ep.participant_id
where p.country is not null;

insert into event_country (country, role, event_date, event_id)
select distinct sc.country, 'SUBJECT', e.event_date, e.id
from event e join event_subject_country sc on sc.event_id = e.id;
