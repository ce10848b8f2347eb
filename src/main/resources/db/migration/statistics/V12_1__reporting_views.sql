-- 统计报表契约 (reporting contract): one read-only view per kind of record, over the owning modules' tables, exposing
-- only non-confidential columns plus the region path, the round, the attribution date (counted_on) and the state.
-- The scorecard, its drill-down lists and the dashboard read nothing else. counted_on: for round-bound records the
-- round's entry date (进驻日期); for revisits the day of the revisit; rounds their entry date.
-- StatisticsContractTests checks each view against the owning module's public API on the demo district.
create schema statistics;

create view statistics.term_record as
select t.id as term_id, t.name, t.district_name, t.district_path as path, t.starts_on, t.ends_on
from planning.term t;

create view statistics.round_record as
select r.id as round_id, r.term_id, r.kind, r.number, r.state, r.entry_date, r.exit_date,
       t.district_path as path, r.entry_date as counted_on
from planning.round r
join planning.term t on t.id = r.term_id;

create view statistics.round_locality_record as
select rl.round_id, r.number as round_number, r.kind as round_kind, r.state as round_state,
       rl.locality_id, rl.name as locality_name, rl.township_id, rl.township_name, rl.path, rl.intensity,
       r.entry_date as counted_on
from planning.round_locality rl
join planning.round r on r.id = rl.round_id;

create view statistics.locality_record as
select l.id as locality_id, l.name as locality_name, l.kind, t.id as township_id, t.name as township_name, l.path,
       d.id as district_id, d.name as district_name, null::bigint as round_id, null::date as counted_on
from organization.region l
join organization.region t on t.id = l.parent_id
join organization.region d on d.id = t.parent_id
where l.level = 'LOCALITY';

create view statistics.finding_record as
select f.id, f.round_id, r.number as round_number, r.kind as round_kind, f.locality_id, f.locality_name, f.township_id, f.township_name,
       f.locality_path as path, f.category, f.severity, f.state, f.fixed_on_the_spot, f.source_kind,
       r.entry_date as counted_on
from findings.finding f
join planning.round r on r.id = f.round_id;

-- Leads: counts and status only; the sealed persons, matter, amount and notes are not exposed.
create view statistics.lead_record as
select l.id, l.round_id, r.number as round_number, l.locality_id, l.locality_name, l.township_name,
       l.locality_path as path, l.register_number, l.receiver, l.receiver_name, l.state, l.transferred_on,
       coalesce((select d.kind from findings.lead_disposition d where d.lead_id = l.id order by d.on_date desc, d.id desc
                 limit 1), 'NONE') as disposition,
       r.entry_date as counted_on
from findings.lead l
join planning.round r on r.id = l.round_id;

create view statistics.talk_record as
select t.id, t.round_id, r.number as round_number, t.locality_id, rl.name as locality_name, rl.township_name, t.path,
       t.kind, t.held_on, t.person_times, r.entry_date as counted_on
from fieldwork.talk t
join planning.round r on r.id = t.round_id
join planning.round_locality rl on rl.round_id = t.round_id and rl.locality_id = t.locality_id;

-- One row per household visited in a round (its first visit), so repeated calls on a household count once.
create view statistics.household_visit_record as
select distinct on (v.round_id, v.household_id)
       v.id, v.round_id, r.number as round_number, v.locality_id, rl.name as locality_name, rl.township_name, v.path,
       v.household_id, v.household_code, v.visited_on, v.satisfaction,
       (h.five_guarantees or h.minimum_living or h.dilapidated_housing) as special,
       r.entry_date as counted_on
from fieldwork.household_visit v
join planning.round r on r.id = v.round_id
join planning.round_locality rl on rl.round_id = v.round_id and rl.locality_id = v.locality_id
join organization.household h on h.id = v.household_id
order by v.round_id, v.household_id, v.visited_on, v.id;

create view statistics.notice_posting_record as
select n.id, n.round_id, r.number as round_number, n.locality_id, rl.name as locality_name, rl.township_name, n.path,
       n.posted_on, n.copies, r.entry_date as counted_on
from fieldwork.notice_posting n
join planning.round r on r.id = n.round_id
join planning.round_locality rl on rl.round_id = n.round_id and rl.locality_id = n.locality_id;

-- Petitions: channel, category, status and triage only; no content, no reporter.
create view statistics.petition_record as
select p.id, p.round_id, r.number as round_number, p.locality_id, p.locality_name, p.township_name, p.path,
       p.channel, p.category, p.status, p.triage, p.received_on, r.entry_date as counted_on
from intake.petition p
join planning.round r on r.id = p.round_id;

create view statistics.task_record as
select t.id, t.round_id, r.number as round_number, t.locality_id, t.locality_name, t.township_id, t.township_name,
       t.locality_path as path, t.category, t.state, p.issued_on, t.deadline, t.closed_on, t.returns,
       t.fixed_on_the_spot, r.entry_date as counted_on
from rectification.task t
join rectification.plan p on p.id = t.plan_id
join planning.round r on r.id = t.round_id;

create view statistics.revisit_record as
select v.id, v.round_id, v.locality_id, v.locality_name, v.township_id, v.township_name, v.locality_path as path,
       v.visited_on, v.method, v.visited_on as counted_on
from revisits.revisit v;

create view statistics.survey_answer_record as
select a.response_id, q.position as question, a.answer, s.channel, v.id as revisit_id, v.round_id, v.locality_id,
       v.locality_name, v.township_id, v.township_name, v.locality_path as path, v.visited_on as counted_on
from revisits.answer a
join revisits.question q on q.id = a.question_id
join revisits.response s on s.id = a.response_id
join revisits.revisit v on v.id = s.revisit_id;

grant usage on schema statistics to ${appRole};
grant select on all tables in schema statistics to ${appRole};
