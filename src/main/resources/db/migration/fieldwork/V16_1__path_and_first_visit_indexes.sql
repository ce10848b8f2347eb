-- Scope filters on fieldwork records are region-path prefixes (path like '/1/2/%' or …): with text_pattern_ops the
-- scorecard, its drill-down lists and the dashboard read a district's talks, visits and notices by index instead of
-- scanning the province's (10 million visits at province scale; see README "Province benchmark").
create index talk_path on fieldwork.talk (path text_pattern_ops);
create index household_visit_path on fieldwork.household_visit (path text_pattern_ops);
create index notice_posting_path on fieldwork.notice_posting (path text_pattern_ops);

-- A household counts once per round, at its first visit (statistics.household_visit_record): whether an earlier visit
-- of the same household in the same round exists is one probe of this index. It supersedes (round_id, household_id).
create index household_visit_first on fieldwork.household_visit (round_id, household_id, visited_on, id);
drop index fieldwork.household_visit_household;

-- A household's visits (statistics recomputes its visit tallies when a household's special status changes).
create index household_visit_by_household on fieldwork.household_visit (household_id);
