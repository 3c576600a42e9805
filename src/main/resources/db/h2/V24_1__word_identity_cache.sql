-- H2 only (location db/h2): the numbers of new words come from a cache of 10,000, as the other identities do (V23_2).
alter table word alter column id set cache 10000;
