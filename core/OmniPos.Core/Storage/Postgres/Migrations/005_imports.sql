-- CSV imports. A run is keyed by its kind and the SHA-256 of the file, so the same file is recognised however it is
-- named; units_done counts the file's units (invoices, orders, records) answered in file order, and report holds the
-- counts so far, so an interrupted run continues after its last committed unit.
CREATE TABLE import_runs (
  import_id text PRIMARY KEY,
  kind text NOT NULL,
  units_done integer NOT NULL,
  report text NOT NULL,
  started_at_utc timestamptz NOT NULL,
  finished_at_utc timestamptz);

-- Processor records, keyed naturally so that importing a file again adds nothing.
CREATE TABLE settlements (
  store_id text NOT NULL, settlement_date date NOT NULL, processor_token text NOT NULL, auth_code text NOT NULL,
  amount numeric NOT NULL, fee numeric NOT NULL, currency text NOT NULL,
  PRIMARY KEY (store_id, settlement_date, processor_token, auth_code));
CREATE TABLE chargebacks (
  store_id text NOT NULL, chargeback_date date NOT NULL, processor_token text NOT NULL, auth_code text NOT NULL,
  amount numeric NOT NULL, currency text NOT NULL, reason_code text NOT NULL,
  PRIMARY KEY (store_id, chargeback_date, processor_token, auth_code));
