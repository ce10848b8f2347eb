-- 统计读模型 (tallies): for the sources whose records run into the millions at province scale (findings, leads,
-- talks, household visits, notices, petitions, rectification tasks), the scorecard reads counts per round and
-- township instead of the records. A tally row is a group of the source's reporting view: (round, attribution date,
-- township path, the columns the figures' conditions and breakdowns use) with its row count n and the sums the
-- figures use. It is defined by the view and kept in step by recomputing a (round, township) group from the view
-- whenever a statement changes a record of it (statement-level triggers below, with transition tables), under an
-- advisory lock per group so that concurrent writers to one group recompute one after the other, each seeing the
-- other's committed rows. statistics.tally_differences() compares every group with the view (the office's 数据核对).
-- Drill-down lists still read the views; a narrower scope than a township (one 村居) is computed from the views.

alter view statistics.task_record rename to task_record_v12;
create view statistics.task_record as
select t.id, t.round_id, r.number as round_number, t.locality_id, t.locality_name, t.township_id, t.township_name,
       t.locality_path as path, t.category, t.state, p.issued_on, t.deadline, t.closed_on, t.returns,
       t.fixed_on_the_spot, r.entry_date as counted_on,
       coalesce(t.closed_on <= t.deadline, false) as closed_on_time
from rectification.task t
join rectification.plan p on p.id = t.plan_id
join planning.round r on r.id = t.round_id;
drop view statistics.task_record_v12;

-- The township's path of a 村居's path ('/1/2/3/4/5/' -> '/1/2/3/4/').
create function statistics.township_path(path text) returns text
    language sql immutable parallel safe
    return regexp_replace(path, '[^/]+/$', '');

create table statistics.tally_kind (
    kind text primary key,
    view text not null,
    dims text[] not null,
    sums text[] not null
);
insert into statistics.tally_kind values
    ('finding', 'statistics.finding_record', '{state,fixed_on_the_spot,category}', '{}'),
    ('lead', 'statistics.lead_record', '{state,disposition}', '{}'),
    ('talk', 'statistics.talk_record', '{}', '{person_times}'),
    ('visit', 'statistics.household_visit_record', '{special}', '{}'),
    ('notice', 'statistics.notice_posting_record', '{}', '{copies}'),
    ('petition', 'statistics.petition_record', '{channel,triage}', '{}'),
    ('task', 'statistics.task_record', '{state,deadline,closed_on_time}', '{}');

create table statistics.finding_tally (
    round_id bigint not null, counted_on date not null, path text not null,
    state text, fixed_on_the_spot boolean, category text, n bigint not null);
create table statistics.lead_tally (
    round_id bigint not null, counted_on date not null, path text not null,
    state text, disposition text, n bigint not null);
create table statistics.talk_tally (
    round_id bigint not null, counted_on date not null, path text not null, n bigint not null,
    person_times bigint not null);
create table statistics.visit_tally (
    round_id bigint not null, counted_on date not null, path text not null, special boolean, n bigint not null);
create table statistics.notice_tally (
    round_id bigint not null, counted_on date not null, path text not null, n bigint not null, copies bigint not null);
create table statistics.petition_tally (
    round_id bigint not null, counted_on date not null, path text not null,
    channel text, triage text, n bigint not null);
create table statistics.task_tally (
    round_id bigint not null, counted_on date not null, path text not null,
    state text, deadline date, closed_on_time boolean, n bigint not null);

-- The aggregate of a kind's view, as the tally stores it, over the rows the filter admits (a WHERE condition on v).
create function statistics.tally_select(k statistics.tally_kind, filter text) returns text
    language sql immutable
    return format('select v.round_id, v.counted_on, statistics.township_path(v.path) as path%s, count(*) as n%s'
                  || ' from %s v where %s'
                  || ' group by v.round_id, v.counted_on, statistics.township_path(v.path)%s',
                  (select coalesce(string_agg(', v.' || d, '' order by o), '') from unnest(k.dims) with ordinality d(d, o)),
                  (select coalesce(string_agg(', coalesce(sum(v.' || s || '), 0) as ' || s, '' order by o), '')
                   from unnest(k.sums) with ordinality s(s, o)),
                  k.view, filter,
                  (select coalesce(string_agg(', v.' || d, '' order by o), '') from unnest(k.dims) with ordinality d(d, o)));

-- Recomputes the given (round, township) groups of a kind from its view; with null arrays, the whole tally.
create function statistics.retally(kind_name text, rounds bigint[], townships text[]) returns void
    language plpgsql as $$
declare
    k statistics.tally_kind;
    tally text;
begin
    select * into strict k from statistics.tally_kind where kind = kind_name;
    tally := 'statistics.' || k.kind || '_tally';
    if rounds is null then
        perform pg_advisory_xact_lock(hashtextextended('tally:' || k.kind, 0));
        execute 'truncate ' || tally;
        execute 'insert into ' || tally || ' ' || statistics.tally_select(k, 'true');
        return;
    end if;
    -- shared with other writers, exclusive to a rebuild; then one lock per group, in a fixed order (no deadlock)
    perform pg_advisory_xact_lock_shared(hashtextextended('tally:' || k.kind, 0));
    perform pg_advisory_xact_lock(hashtextextended('tally:' || k.kind || ':' || g.round_id || ':' || g.path, 0))
    from (select distinct r as round_id, t as path from unnest(rounds, townships) g(r, t) order by 1, 2) g;
    execute 'delete from ' || tally || ' t using unnest($1, $2) g(round_id, path)'
            || ' where t.round_id = g.round_id and t.path = g.path' using rounds, townships;
    execute 'insert into ' || tally || ' ' || statistics.tally_select(k,
            '(v.round_id, statistics.township_path(v.path)) in (select * from unnest($1, $2))'
            || ' and v.round_id = any($1)') using rounds, townships;
end $$;

-- Trigger: recompute the groups a statement touched. Arguments: the kinds, the round column, the path column.
create function statistics.retally_touched() returns trigger
    language plpgsql as $$
declare
    kind_name text;
    rounds bigint[];
    townships text[];
    keys text := format('select %I as round_id, statistics.township_path(%I) as path from ', TG_ARGV[1], TG_ARGV[2]);
begin
    if TG_OP = 'INSERT' then
        execute 'select array_agg(round_id), array_agg(path) from (' || keys || 'new_rows union ' || keys
                || 'new_rows) g' into rounds, townships;
    elsif TG_OP = 'DELETE' then
        execute 'select array_agg(round_id), array_agg(path) from (' || keys || 'old_rows union ' || keys
                || 'old_rows) g' into rounds, townships;
    else
        execute 'select array_agg(round_id), array_agg(path) from (' || keys || 'old_rows union ' || keys
                || 'new_rows) g' into rounds, townships;
    end if;
    if rounds is null then
        return null;
    end if;
    foreach kind_name in array string_to_array(TG_ARGV[0], ',') loop
        perform statistics.retally(kind_name, rounds, townships);
    end loop;
    return null;
end $$;

create function statistics.retally_on(target regclass, kinds text, round_column text, path_column text)
    returns void language plpgsql as $$
begin
    execute format('create trigger %I after insert on %s referencing new table as new_rows for each statement'
                   || ' execute function statistics.retally_touched(%L, %L, %L)',
                   'tally_' || replace(target::text, '.', '_') || '_insert', target, kinds, round_column, path_column);
    execute format('create trigger %I after update on %s referencing old table as old_rows new table as new_rows'
                   || ' for each statement execute function statistics.retally_touched(%L, %L, %L)',
                   'tally_' || replace(target::text, '.', '_') || '_update', target, kinds, round_column, path_column);
    execute format('create trigger %I after delete on %s referencing old table as old_rows for each statement'
                   || ' execute function statistics.retally_touched(%L, %L, %L)',
                   'tally_' || replace(target::text, '.', '_') || '_delete', target, kinds, round_column, path_column);
end $$;

select statistics.retally_on('findings.finding', 'finding', 'round_id', 'locality_path');
select statistics.retally_on('findings.lead', 'lead', 'round_id', 'locality_path');
select statistics.retally_on('fieldwork.talk', 'talk', 'round_id', 'path');
select statistics.retally_on('fieldwork.household_visit', 'visit', 'round_id', 'path');
select statistics.retally_on('fieldwork.notice_posting', 'notice', 'round_id', 'path');
select statistics.retally_on('intake.petition', 'petition', 'round_id', 'path');
select statistics.retally_on('rectification.task', 'task', 'round_id', 'locality_path');
-- a 村居 added to or removed from a round changes which talks, visits and notices the views join
select statistics.retally_on('planning.round_locality', 'talk,visit,notice', 'round_id', 'path');

-- Records whose tally group is reached through another table: a lead's dispositions, a household's special status,
-- a round's entry date (the attribution date of all its records).
create function statistics.retally_related() returns trigger
    language plpgsql as $$
declare
    kind_name text;
    rounds bigint[];
    townships text[];
    kinds text[];
    changed text;
begin
    if TG_TABLE_NAME = 'lead_disposition' then
        kinds := '{lead}';
        changed := case TG_OP when 'INSERT' then 'select lead_id from new_rows' when 'DELETE' then
                   'select lead_id from old_rows' else 'select lead_id from old_rows union select lead_id from new_rows' end;
        execute 'select array_agg(round_id), array_agg(path) from (select distinct l.round_id,'
                || ' statistics.township_path(l.locality_path) as path from findings.lead l where l.id in ('
                || changed || ')) g' into rounds, townships;
    elsif TG_TABLE_NAME = 'household' then
        -- only a change of the special status (五保户, 低保户, 危房户) or a removal moves a visit tally
        kinds := '{visit}';
        changed := case TG_OP when 'DELETE' then 'select id from old_rows' else
                   'select o.id from old_rows o join new_rows n on n.id = o.id where (o.five_guarantees,'
                   || ' o.minimum_living, o.dilapidated_housing) is distinct from (n.five_guarantees,'
                   || ' n.minimum_living, n.dilapidated_housing)' end;
        execute 'select array_agg(round_id), array_agg(path) from (select distinct v.round_id,'
                || ' statistics.township_path(v.path) as path from fieldwork.household_visit v where v.household_id in ('
                || changed || ')) g' into rounds, townships;
    else
        -- a round's entry date is the attribution date (counted_on) of all its records
        kinds := array(select kind from statistics.tally_kind order by kind);
        execute 'select array_agg(round_id), array_agg(path) from (select distinct rl.round_id,'
                || ' statistics.township_path(rl.path) as path from planning.round_locality rl where rl.round_id in'
                || ' (select o.id from old_rows o join new_rows n on n.id = o.id where o.entry_date is distinct from'
                || ' n.entry_date)) g' into rounds, townships;
    end if;
    if rounds is not null then
        foreach kind_name in array kinds loop
            perform statistics.retally(kind_name, rounds, townships);
        end loop;
    end if;
    return null;
end $$;

create trigger tally_lead_disposition_insert after insert on findings.lead_disposition
    referencing new table as new_rows for each statement execute function statistics.retally_related();
create trigger tally_lead_disposition_update after update on findings.lead_disposition
    referencing old table as old_rows new table as new_rows for each statement execute function statistics.retally_related();
create trigger tally_lead_disposition_delete after delete on findings.lead_disposition
    referencing old table as old_rows for each statement execute function statistics.retally_related();
create trigger tally_household_update after update on organization.household
    referencing old table as old_rows new table as new_rows for each statement execute function statistics.retally_related();
create trigger tally_household_delete after delete on organization.household
    referencing old table as old_rows for each statement execute function statistics.retally_related();
create trigger tally_round_update after update on planning.round
    referencing old table as old_rows new table as new_rows for each statement execute function statistics.retally_related();

-- 数据核对: the (round, township) groups where a tally and its view disagree (none when in step).
create function statistics.tally_differences(kind_name text, rounds bigint[])
    returns table (round_id bigint, path text, tally bigint, records bigint)
    language plpgsql stable as $$
declare
    k statistics.tally_kind;
begin
    select * into strict k from statistics.tally_kind where kind = kind_name;
    return query execute format(
        'with fresh as (%s), kept as (select * from statistics.%I where round_id = any($1))'
        || ' select coalesce(f.round_id, t.round_id), coalesce(f.path, t.path), coalesce(t.n, 0), coalesce(f.n, 0)'
        || ' from (select round_id, path, sum(n)::bigint as n, md5(string_agg(row_text, '';'' order by row_text)) as h'
        || '   from (select round_id, path, n, f::text as row_text from (%s) f) x group by 1, 2) f'
        || ' full join (select round_id, path, sum(n)::bigint as n, md5(string_agg(row_text, '';'' order by row_text)) as h'
        || '   from (select round_id, path, n, t::text as row_text from kept t) x group by 1, 2) t'
        || '   on t.round_id = f.round_id and t.path = f.path'
        || ' where f.h is distinct from t.h',
        statistics.tally_select(k, 'v.round_id = any($1)'), k.kind || '_tally',
        'select * from fresh') using rounds;
end $$;

-- The app role reads the tallies and never writes them itself: the triggers write them as the owner.
alter function statistics.retally(text, bigint[], text[]) security definer;
alter function statistics.retally(text, bigint[], text[]) set search_path = pg_catalog, public;
-- (with an external database the application's role is the owner that migrates: it keeps its rights)
do $$
begin
    if current_user <> '${appRole}' then
        revoke insert, update, delete, truncate on statistics.tally_kind, statistics.finding_tally,
            statistics.lead_tally, statistics.talk_tally, statistics.visit_tally, statistics.notice_tally,
            statistics.petition_tally, statistics.task_tally from ${appRole};
    end if;
end $$;
grant select on statistics.tally_kind, statistics.finding_tally, statistics.lead_tally, statistics.talk_tally,
    statistics.visit_tally, statistics.notice_tally, statistics.petition_tally, statistics.task_tally,
    statistics.task_record to ${appRole};

select statistics.retally(kind, null, null) from statistics.tally_kind;

create index finding_tally_round on statistics.finding_tally (round_id, path);
create index finding_tally_path on statistics.finding_tally (path text_pattern_ops);
create index lead_tally_round on statistics.lead_tally (round_id, path);
create index lead_tally_path on statistics.lead_tally (path text_pattern_ops);
create index talk_tally_round on statistics.talk_tally (round_id, path);
create index talk_tally_path on statistics.talk_tally (path text_pattern_ops);
create index visit_tally_round on statistics.visit_tally (round_id, path);
create index visit_tally_path on statistics.visit_tally (path text_pattern_ops);
create index notice_tally_round on statistics.notice_tally (round_id, path);
create index notice_tally_path on statistics.notice_tally (path text_pattern_ops);
create index petition_tally_round on statistics.petition_tally (round_id, path);
create index petition_tally_path on statistics.petition_tally (path text_pattern_ops);
create index task_tally_round on statistics.task_tally (round_id, path);
create index task_tally_path on statistics.task_tally (path text_pattern_ops);
