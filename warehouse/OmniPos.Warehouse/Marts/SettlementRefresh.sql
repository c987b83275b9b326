-- Brings the marts up to date with the processor settlements one landing run staged (stage_fact_settlements): those no
-- tender landed so far matches by store, token and auth code are unmatched until one lands (Marts/MartRefresh.sql).
INSERT INTO mart_unmatched_settlements
SELECT s.seq, s.store_id, s.business_date, s.processor_token, s.auth_code, s.amount, s.fee
FROM stage_fact_settlements s
ANTI JOIN fact_tenders t ON t.store_id = s.store_id AND t.card_token = s.processor_token AND t.auth_code = s.auth_code;
