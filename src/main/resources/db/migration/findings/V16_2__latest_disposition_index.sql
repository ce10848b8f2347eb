-- A lead's latest disposition (statistics.lead_record, the lead page) is the first entry of this index.
create index lead_disposition_latest on findings.lead_disposition (lead_id, on_date desc, id desc);
drop index findings.lead_disposition_lead;

-- statistics' lead tally is recomputed per round (V16_4).
create index lead_round on findings.lead (round_id);
