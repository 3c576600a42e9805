-- Other names of a topic, in any language ("révolutions de couleur", "OTSC"): searched by topic lists and found by the
-- drafter in reports. Runs unchanged on H2 2.x and PostgreSQL 15.
create table topic_alias (
    topic_id bigint       not null references topic (id) on delete cascade,
    position integer      not null,
    alias    varchar(200) not null,
    primary key (topic_id, position)
);

create table topic_alias_aud (
    rev      bigint       not null references revinfo (rev),
    revtype  smallint,
    topic_id bigint       not null,
    position integer      not null,
    alias    varchar(200) not null,
    primary key (position, rev, topic_id, alias)
);
