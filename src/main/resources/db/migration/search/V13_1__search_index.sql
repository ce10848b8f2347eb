-- 全文检索: one row per indexed record of another module, with its words (segmented in Java by SmartChineseAnalyzer)
-- as a tsvector, the round and 村居 for a group member's scope, the region path for the region scope and the class of
-- callers who may find it. Rows are written only through org.xuncha.search.SearchIndex.
create schema search;

create table search.entry (
    kind text not null check (kind in ('FINDING', 'WORKING_PAPER', 'PETITION', 'TALK_NOTE')),
    record_id bigint not null,
    round_id bigint,
    locality_id bigint,
    path text not null,
    visibility text not null check (visibility in ('OFFICE_AND_GROUP', 'DIRECTOR_AND_GROUP')),
    title text not null,
    body text not null,
    link text not null,
    words tsvector not null,
    updated_at timestamptz not null default now(),
    primary key (kind, record_id)
);
create index entry_words on search.entry using gin (words);
create index entry_path on search.entry (path text_pattern_ops);
create index entry_round_locality on search.entry (round_id, locality_id);

grant usage on schema search to ${appRole};
