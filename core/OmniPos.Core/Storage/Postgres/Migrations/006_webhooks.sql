-- Webhooks out: subscriptions, the outbox of messages, one delivery per message and subscription with its attempts, and
-- how far the relay has carried the event log into the outbox. Appends write none of these.
CREATE TABLE webhook_subscriptions (
  subscription_id text PRIMARY KEY,
  url text NOT NULL,
  secret text NOT NULL,
  created_at_utc timestamptz NOT NULL,
  removed_at_utc timestamptz);

CREATE TABLE webhook_subscription_kinds (
  subscription_id text NOT NULL REFERENCES webhook_subscriptions (subscription_id),
  kind text NOT NULL,
  PRIMARY KEY (kind, subscription_id));

CREATE TABLE webhook_messages (
  message_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  payload text NOT NULL,
  created_at_utc timestamptz NOT NULL);

CREATE TABLE webhook_deliveries (
  delivery_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  message_id bigint NOT NULL REFERENCES webhook_messages (message_id),
  subscription_id text NOT NULL REFERENCES webhook_subscriptions (subscription_id),
  attempts integer NOT NULL,
  next_attempt_at_utc timestamptz,
  delivered_at_utc timestamptz,
  failed_at_utc timestamptz,
  last_status integer,
  last_error text,
  UNIQUE (message_id, subscription_id));

-- What the dispatcher looks for: deliveries still pending (neither delivered nor failed keep a next attempt), by when they are due.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at_utc) WHERE next_attempt_at_utc IS NOT NULL;
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, delivery_id);

CREATE TABLE webhook_attempts (
  delivery_id bigint NOT NULL REFERENCES webhook_deliveries (delivery_id),
  attempt integer NOT NULL,
  attempted_at_utc timestamptz NOT NULL,
  duration_ms integer NOT NULL,
  status integer,
  error text,
  PRIMARY KEY (delivery_id, attempt));

CREATE TABLE webhook_relay (
  relay_id integer PRIMARY KEY CHECK (relay_id = 1),
  last_seq bigint NOT NULL);
INSERT INTO webhook_relay (relay_id, last_seq) VALUES (1, 0);
