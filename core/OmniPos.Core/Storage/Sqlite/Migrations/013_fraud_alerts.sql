-- Loss prevention: the fraud alerts scans raise, one per case (alert_key: the rule and the event that starts the case),
-- with their reasons and evidence as JSON, and the analyst's verdict (confirmed or dismissed) once reviewed.
CREATE TABLE fraud_alerts (
  alert_id INTEGER PRIMARY KEY,
  alert_key TEXT NOT NULL UNIQUE,
  rule TEXT NOT NULL,
  store_id TEXT NOT NULL,
  subject_kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  business_date TEXT NOT NULL,
  score REAL NOT NULL,
  measure REAL NOT NULL,
  anomaly REAL NOT NULL,
  exposure TEXT NOT NULL,
  reasons TEXT NOT NULL,
  evidence TEXT NOT NULL,
  raised_at_utc TEXT NOT NULL,
  updated_at_utc TEXT NOT NULL,
  verdict TEXT,
  reviewed_by TEXT,
  reviewed_at_utc TEXT,
  note TEXT);

CREATE INDEX fraud_alerts_store ON fraud_alerts (store_id, alert_id);
