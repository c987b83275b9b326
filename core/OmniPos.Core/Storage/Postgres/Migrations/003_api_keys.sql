-- API keys: the public id, role and scope of each, and a salted SHA-256 of its secret; the token itself is never stored.
CREATE TABLE api_keys (
  key_id text PRIMARY KEY,
  role text NOT NULL,
  store_id text,
  device_id text,
  salt text NOT NULL,
  secret_hash text NOT NULL,
  created_at_utc timestamptz NOT NULL,
  revoked_at_utc timestamptz);
