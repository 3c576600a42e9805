-- Each statement's CSV row moves to a table of its own, beside its JSON document instead of in the same row: a full
-- CSV export then reads only rows. With both in one row of statement_doc the export read (and H2 copied onto the
-- Java heap) every document too, about twice the bytes of the rows it sends. Written together, deleted together.
create table statement_csv (
    statement_id bigint primary key references statement (id) on delete cascade,
    csv          bytea not null
);
insert into statement_csv (statement_id, csv) select statement_id, csv from statement_doc;
alter table statement_doc drop column csv;
