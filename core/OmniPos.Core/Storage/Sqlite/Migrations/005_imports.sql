-- CSV imports. A run is keyed by its kind and the SHA-256 of the file, so the same file is recognised however it is
-- named; units_done counts the file's units (invoices, orders, records) answered in file order, and report holds the
-- counts so far, so an interrupted run continues after its last committed unit.
CREATE TABLE import_runs (
  import_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  units_done INTEGER NOT NULL,
  report TEXT NOT NULL,
  started_at_utc TEXT NOT NULL,
  finished_at_utc TEXT);

-- Processor records, keyed naturally so that importing a file again adds nothing. Amounts are TEXT as in the ledger.
CREATE TABLE settlements (
  store_id TEXT NOT NULL, settlement_date TEXT NOT NULL, processor_token TEXT NOT NULL, auth_code TEXT NOT NULL,
  amount TEXT NOT NULL, fee TEXT NOT NULL, currency TEXT NOT NULL,
  PRIMARY KEY (store_id, settlement_date, processor_token, auth_code));
CREATE TABLE chargebacks (
  store_id TEXT NOT NULL, chargeback_date TEXT NOT NULL, processor_token TEXT NOT NULL, auth_code TEXT NOT NULL,
  amount TEXT NOT NULL, currency TEXT NOT NULL, reason_code TEXT NOT NULL,
  PRIMARY KEY (store_id, chargeback_date, processor_token, auth_code));
