-- Word index for text search: the accent- and case-folded words of each statement (text and translation) and of
-- each event (title, summary and all its statements). Maintained by the application on every write.

create table statement_term (
    term         varchar(100) not null,
    statement_id bigint       not null references statement (id) on delete cascade,
    primary key (term, statement_id)
);
create index statement_term_statement_idx on statement_term (statement_id);

create table event_term (
    term     varchar(100) not null,
    event_id bigint       not null references event (id) on delete cascade,
    primary key (term, event_id)
);
create index event_term_event_idx on event_term (event_id);
