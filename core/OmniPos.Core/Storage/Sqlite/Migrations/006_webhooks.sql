-- Webhooks out: subscriptions, the outbox of messages, one delivery per message and subscription with its attempts, and
-- how far the relay has carried the event log into the outbox. Appends write none of these.
CREATE TABLE webhook_subscriptions (
  subscription_id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  secret TEXT NOT NULL,
  created_at_utc TEXT NOT NULL,
  removed_at_utc TEXT);

CREATE TABLE webhook_subscription_kinds (
  subscription_id TEXT NOT NULL REFERENCES webhook_subscriptions (subscription_id),
  kind TEXT NOT NULL,
  PRIMARY KEY (kind, subscription_id));

CREATE TABLE webhook_messages (
  message_id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at_utc TEXT NOT NULL);

CREATE TABLE webhook_deliveries (
  delivery_id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES webhook_messages (message_id),
  subscription_id TEXT NOT NULL REFERENCES webhook_subscriptions (subscription_id),
  attempts INTEGER NOT NULL,
  next_attempt_at_utc TEXT,
  delivered_at_utc TEXT,
  failed_at_utc TEXT,
  last_status INTEGER,
  last_error TEXT,
  UNIQUE (message_id, subscription_id));

-- What the dispatcher looks for: deliveries still pending (neither delivered nor failed keep a next attempt), by when they are due.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at_utc) WHERE next_attempt_at_utc IS NOT NULL;
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, delivery_id);

CREATE TABLE webhook_attempts (
  delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries (delivery_id),
  attempt INTEGER NOT NULL,
  attempted_at_utc TEXT NOT NULL,
  duration_ms INTEGER NOT NULL,
  status INTEGER,
  error TEXT,
  PRIMARY KEY (delivery_id, attempt));

CREATE TABLE webhook_relay (
  relay_id INTEGER PRIMARY KEY CHECK (relay_id = 1),
  last_seq INTEGER NOT NULL);
INSERT INTO webhook_relay (relay_id, last_seq) VALUES (1, 0);
