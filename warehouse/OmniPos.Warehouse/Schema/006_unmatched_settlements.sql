-- Settlements no card tender matches (by store, token and auth code), kept by landing (Marts/SettlementRefresh.sql,
-- Marts/MartRefresh.sql) so that card reconciliation lists them without searching every tender ever landed.
CREATE TABLE mart_unmatched_settlements (
  seq BIGINT NOT NULL, store_id VARCHAR NOT NULL, business_date DATE NOT NULL, processor_token VARCHAR NOT NULL,
  auth_code VARCHAR NOT NULL, amount DECIMAL(18,4) NOT NULL, fee DECIMAL(18,4) NOT NULL);

-- Every settlement landed so far, as if one run staged them all.
CREATE TEMP TABLE stage_fact_settlements AS SELECT * FROM fact_settlements ORDER BY business_date;

.read Marts/SettlementRefresh.sql

DROP TABLE stage_fact_settlements;
