-- The word index (statement_term, event_term, statement_stems, event_stems) without foreign keys, and without the
-- single-column indexes of V2, whose column leads the record indexes of V18. The index is derived data that the
-- application writes and deletes with its records (org.parley.search.SearchIndex); a foreign key checked each of its
-- rows, and on PostgreSQL that check, on records written earlier in the same transaction, took 80 % of the time of
-- a bulk import's index writes (auto_explain: 3.4 s of 4.3 s for 65,000 rows of event_term).
-- Each table is copied into one made anew and renamed, which both databases do with the same SQL (the name of a
-- foreign key differs between them); its primary key is added after the copy. Runs unchanged on H2 2.x and
-- PostgreSQL 15.

create table statement_term_v19 (term varchar(100) not null, statement_id bigint not null, weight integer not null);
insert into statement_term_v19 (term, statement_id, weight) select term, statement_id, weight from statement_term;
drop table statement_term;
alter table statement_term_v19 rename to statement_term;
alter table statement_term add primary key (term, statement_id);
create index statement_term_record_idx on statement_term (statement_id, term, weight);

create table event_term_v19 (term varchar(100) not null, event_id bigint not null, weight integer not null);
insert into event_term_v19 (term, event_id, weight) select term, event_id, weight from event_term;
drop table event_term;
alter table event_term_v19 rename to event_term;
alter table event_term add primary key (term, event_id);
create index event_term_record_idx on event_term (event_id, term, weight);

create table statement_stems_v19 (statement_id bigint not null, stems varchar(1000000) not null);
insert into statement_stems_v19 (statement_id, stems) select statement_id, stems from statement_stems;
drop table statement_stems;
alter table statement_stems_v19 rename to statement_stems;
alter table statement_stems add primary key (statement_id);

create table event_stems_v19 (event_id bigint not null, stems varchar(1000000) not null);
insert into event_stems_v19 (event_id, stems) select event_id, stems from event_stems;
drop table event_stems;
alter table event_stems_v19 rename to event_stems;
alter table event_stems add primary key (event_id);
