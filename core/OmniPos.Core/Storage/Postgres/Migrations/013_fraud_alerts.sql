-- Loss prevention: the fraud alerts scans raise, one per case (alert_key: the rule and the event that starts the case),
-- with their reasons and evidence as JSON, and the analyst's verdict (confirmed or dismissed) once reviewed.
CREATE TABLE fraud_alerts (
  alert_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alert_key text NOT NULL UNIQUE,
  rule text NOT NULL,
  store_id text NOT NULL,
  subject_kind text NOT NULL,
  subject text NOT NULL,
  business_date date NOT NULL,
  score double precision NOT NULL,
  measure double precision NOT NULL,
  anomaly double precision NOT NULL,
  exposure numeric NOT NULL,
  reasons text NOT NULL,
  evidence text NOT NULL,
  raised_at_utc timestamptz NOT NULL,
  updated_at_utc timestamptz NOT NULL,
  verdict text,
  reviewed_by text,
  reviewed_at_utc timestamptz,
  note text);

CREATE INDEX fraud_alerts_store ON fraud_alerts (store_id, alert_id);
