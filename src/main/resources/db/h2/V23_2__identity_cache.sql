-- H2 only (location db/h2): its identity columns take their next values from memory 10,000 at a time instead of 32.
-- Each time an identity's cached values run out, H2 writes its new limit and commits that to the database file
-- (apart from the transaction that asked): a first import of 100,000 statements did so over 3,000 times, and its
-- thread spent 2.7 s of a profiled import there. Inserting 200,000 rows into a table of a file database took 4.2 to
-- 9.7 s so, 1.0 to 1.5 s with a cache of 10,000. Ids stay in the order of their records; a crash may skip the ids
-- still cached (a clean stop writes the true next value). PostgreSQL keeps its one value at a time: a cache there is
-- one per connection, and would hand out ids out of order across connections.
alter table participant alter column id set cache 10000;
alter table topic alter column id set cache 10000;
alter table event alter column id set cache 10000;
alter table event_participant alter column id set cache 10000;
alter table statement alter column id set cache 10000;
alter table revinfo alter column rev set cache 10000;
alter table account alter column id set cache 10000;
