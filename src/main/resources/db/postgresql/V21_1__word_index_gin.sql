-- PostgreSQL only (quarkus.flyway.locations of the pg profile): the word index moves from the term tables into the
-- arrays of the stems rows (see V21), under GIN indexes; the term tables are emptied (they stay, empty, because the
-- entities of H2's form map them and Hibernate checks the schema at start). A record's terms are in term order, its
-- weights in the same order.
update statement_stems x
set terms = t.terms, weights = t.weights
from (select statement_id, array_agg(term order by term) as terms, array_agg(weight order by term) as weights
      from statement_term group by statement_id) t
where t.statement_id = x.statement_id;
update statement_stems set terms = '{}', weights = '{}' where terms is null;

update event_stems x
set terms = t.terms, weights = t.weights
from (select event_id, array_agg(term order by term) as terms, array_agg(weight order by term) as weights
      from event_term group by event_id) t
where t.event_id = x.event_id;
update event_stems set terms = '{}', weights = '{}' where terms is null;

insert into search_term (term)
select term from statement_term union select term from event_term;

alter table statement_stems alter column terms set not null;
alter table statement_stems alter column weights set not null;
alter table event_stems alter column terms set not null;
alter table event_stems alter column weights set not null;

create index statement_stems_terms_idx on statement_stems using gin (terms);
create index event_stems_terms_idx on event_stems using gin (terms);

truncate statement_term;
truncate event_term;

-- The best weight that any of the wanted terms has in a record: its score for one word of a query
-- (sort=relevance), 0 when it has none of them.
create function word_weight(terms varchar[], weights integer[], wanted varchar[]) returns integer
language sql immutable parallel safe as
$$ select coalesce(max(weights[i]), 0) from generate_subscripts(terms, 1) as i where terms[i] = any (wanted) $$;
