-- API keys: the public id, role and scope of each, and a salted SHA-256 of its secret; the token itself is never stored.
CREATE TABLE api_keys (
  key_id TEXT PRIMARY KEY,
  role TEXT NOT NULL,
  store_id TEXT,
  device_id TEXT,
  salt TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  created_at_utc TEXT NOT NULL,
  revoked_at_utc TEXT);
