-- Report texts, kept once per text: the import stores the text a source carries (its SHA-256 checked against the
-- source's text_sha256), so that the spans of the statements citing the source can be shown on the report itself.
-- Keyed by the SHA-256 of the text's UTF-8 bytes in lowercase hexadecimal; never changed once stored; at most
-- 1,000,000 characters (a news report has a few thousand).
create table report (
    sha256    varchar(64) not null primary key,
    text      varchar(1000000) not null,
    stored_at timestamp with time zone not null
);
