-- Processor records get a seq in the order they are recorded, so landing can read them after a watermark. Rows already
-- there are numbered by date and key. Inserting transactions take turns (PostgresDialect.SerializeInsertsInto), so seqs
-- commit in order.
ALTER TABLE settlements ADD COLUMN record_seq bigint;
UPDATE settlements s SET record_seq = o.n
FROM (SELECT store_id, settlement_date, processor_token, auth_code,
             row_number() OVER (ORDER BY settlement_date, store_id, processor_token, auth_code) AS n FROM settlements) o
WHERE s.store_id = o.store_id AND s.settlement_date = o.settlement_date AND s.processor_token = o.processor_token AND s.auth_code = o.auth_code;
ALTER TABLE settlements ALTER COLUMN record_seq SET NOT NULL;
CREATE UNIQUE INDEX settlements_by_record_seq ON settlements (record_seq);
ALTER TABLE chargebacks ADD COLUMN record_seq bigint;
UPDATE chargebacks c SET record_seq = o.n
FROM (SELECT store_id, chargeback_date, processor_token, auth_code,
             row_number() OVER (ORDER BY chargeback_date, store_id, processor_token, auth_code) AS n FROM chargebacks) o
WHERE c.store_id = o.store_id AND c.chargeback_date = o.chargeback_date AND c.processor_token = o.processor_token AND c.auth_code = o.auth_code;
ALTER TABLE chargebacks ALTER COLUMN record_seq SET NOT NULL;
CREATE UNIQUE INDEX chargebacks_by_record_seq ON chargebacks (record_seq);
