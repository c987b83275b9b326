-- Processor records get a seq in the order they are recorded, so landing can read them after a watermark. Rows already
-- there are numbered in the order they were inserted. SQLite has one writer, so seqs commit in order.
ALTER TABLE settlements ADD COLUMN record_seq INTEGER;
UPDATE settlements SET record_seq = rowid;
CREATE UNIQUE INDEX settlements_by_record_seq ON settlements (record_seq);
ALTER TABLE chargebacks ADD COLUMN record_seq INTEGER;
UPDATE chargebacks SET record_seq = rowid;
CREATE UNIQUE INDEX chargebacks_by_record_seq ON chargebacks (record_seq);
