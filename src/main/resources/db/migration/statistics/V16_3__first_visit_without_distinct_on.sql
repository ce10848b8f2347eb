-- The same rows as before (each household once per round, at its first visit by date then id), written as "no earlier
-- visit of the household in the round exists" instead of DISTINCT ON over every visit: a scope's path filter is now
-- applied to the visits first (household_visit_path) and each visit is checked by one probe of household_visit_first,
-- where DISTINCT ON had to sort the province's visits before any filter could apply.
create or replace view statistics.household_visit_record as
select v.id, v.round_id, r.number as round_number, v.locality_id, rl.name as locality_name, rl.township_name, v.path,
       v.household_id, v.household_code, v.visited_on, v.satisfaction,
       (h.five_guarantees or h.minimum_living or h.dilapidated_housing) as special,
       r.entry_date as counted_on
from fieldwork.household_visit v
join planning.round r on r.id = v.round_id
join planning.round_locality rl on rl.round_id = v.round_id and rl.locality_id = v.locality_id
join organization.household h on h.id = v.household_id
where not exists (select 1 from fieldwork.household_visit e
                  where e.round_id = v.round_id and e.household_id = v.household_id
                    and (e.visited_on, e.id) < (v.visited_on, v.id));
