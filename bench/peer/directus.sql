-- Directus' view of Parley's tables (psql -v schema=directus, run by bench/peer/directus.sh setup after
-- `directus bootstrap` has created its own directus_* tables in that schema).
--
-- Directus serves only tables with a one-column primary key: it ignores the composite-key tables event_topic,
-- statement_topic, event_subject_country and event_source. It gets copies of them here, in its own schema, each with a
-- surrogate key and the secondary indexes Parley's table has. They are snapshots of the rows at setup time: writes
-- made through Parley later do not reach them (run setup again). Parley's own tables are not changed.
set search_path = :schema, public;

drop table if exists event_topic_keyed, statement_topic_keyed, event_subject_country_keyed, event_source_keyed;
create table event_topic_keyed (id bigint generated always as identity primary key, event_id bigint not null,
    topic_id bigint not null);
insert into event_topic_keyed (event_id, topic_id) select event_id, topic_id from public.event_topic order by 1, 2;
create unique index event_topic_keyed_uk on event_topic_keyed (event_id, topic_id);
create index event_topic_keyed_topic_idx on event_topic_keyed (topic_id);

create table statement_topic_keyed (id bigint generated always as identity primary key, statement_id bigint not null,
    topic_id bigint not null);
insert into statement_topic_keyed (statement_id, topic_id)
select statement_id, topic_id from public.statement_topic order by 1, 2;
create unique index statement_topic_keyed_uk on statement_topic_keyed (statement_id, topic_id);
create index statement_topic_keyed_topic_idx on statement_topic_keyed (topic_id);

create table event_subject_country_keyed (id bigint generated always as identity primary key,
    event_id bigint not null, country varchar(2) not null);
insert into event_subject_country_keyed (event_id, country)
select event_id, country from public.event_subject_country order by 1, 2;
create unique index event_subject_country_keyed_uk on event_subject_country_keyed (event_id, country);
create index event_subject_country_keyed_idx on event_subject_country_keyed (country);

create table event_source_keyed (id bigint generated always as identity primary key, event_id bigint not null,
    position integer not null, url varchar(2000), publisher varchar(200) not null, title varchar(500),
    published_at timestamptz, published_at_offset integer, language varchar(35), text_sha256 varchar(64));
insert into event_source_keyed (event_id, position, url, publisher, title, published_at, published_at_offset,
    language, text_sha256)
select event_id, position, url, publisher, title, published_at, published_at_offset, language, text_sha256
from public.event_source order by 1, 2;
create unique index event_source_keyed_uk on event_source_keyed (event_id, position);
analyze event_topic_keyed, statement_topic_keyed, event_subject_country_keyed, event_source_keyed;

-- The relations Directus follows. Foreign keys of Parley's tables are read from the database as many-to-one
-- relations (statement.speaker_id -> participant, event_participant.participant_id -> participant); a one-to-many
-- (an alias field on the "one" side, such as event.statements) needs a row here and a restart. Directus' own
-- PATCH /relations would drop and re-create the foreign key on Parley's table, so it is not used.
delete from directus_relations where many_collection in ('event_participant', 'statement', 'event_topic_keyed',
    'statement_topic_keyed', 'event_subject_country_keyed', 'event_source_keyed');
insert into directus_relations (many_collection, many_field, one_collection, one_field, one_deselect_action) values
    ('event_participant', 'event_id', 'event', 'participants', 'nullify'),
    ('event_participant', 'participant_id', 'participant', null, 'nullify'),
    ('statement', 'event_id', 'event', 'statements', 'nullify'),
    ('statement', 'speaker_id', 'participant', null, 'nullify'),
    ('event_topic_keyed', 'event_id', 'event', 'topics', 'nullify'),
    ('event_topic_keyed', 'topic_id', 'topic', null, 'nullify'),
    ('statement_topic_keyed', 'statement_id', 'statement', 'topics', 'nullify'),
    ('statement_topic_keyed', 'topic_id', 'topic', null, 'nullify'),
    ('event_subject_country_keyed', 'event_id', 'event', 'subject_countries', 'nullify'),
    ('event_source_keyed', 'event_id', 'event', 'sources', 'nullify');

delete from directus_fields where (collection, field) in (('event', 'participants'), ('event', 'statements'),
    ('event', 'topics'), ('event', 'subject_countries'), ('event', 'sources'), ('statement', 'topics'));
insert into directus_fields (collection, field, special, interface) values
    ('event', 'participants', 'o2m', 'list-o2m'), ('event', 'statements', 'o2m', 'list-o2m'),
    ('event', 'topics', 'o2m', 'list-o2m'), ('event', 'subject_countries', 'o2m', 'list-o2m'),
    ('event', 'sources', 'o2m', 'list-o2m'), ('statement', 'topics', 'o2m', 'list-o2m');

-- Public (unauthenticated) read access to the collections the queries touch, through Directus' public policy.
delete from directus_permissions
where policy in (select policy from directus_access where role is null and "user" is null);
insert into directus_permissions (collection, action, permissions, fields, policy)
select c, 'read', '{}', '*', a.policy
from directus_access a, unnest(array['event', 'participant', 'topic', 'statement', 'event_participant', 'event_topic_keyed',
    'statement_topic_keyed', 'event_subject_country_keyed', 'event_source_keyed']) c
where a.role is null and a."user" is null;
