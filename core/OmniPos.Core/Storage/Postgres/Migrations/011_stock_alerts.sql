-- Replenishment: each SKU's reorder point and order-up-to level per store, as the nightly planning job last set them from
-- the demand forecast, and the low-stock alerts raised against them. At most one alert per store and SKU is open.
CREATE TABLE reorder_policies (
  store_id text NOT NULL,
  sku text NOT NULL,
  reorder_point integer NOT NULL,
  order_up_to integer NOT NULL,
  lead_time_days integer NOT NULL,
  lead_time_demand double precision NOT NULL,
  daily_demand double precision NOT NULL,
  computed_at_utc timestamptz NOT NULL,
  PRIMARY KEY (store_id, sku));

CREATE TABLE stock_alerts (
  alert_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  store_id text NOT NULL,
  sku text NOT NULL,
  reason text NOT NULL,
  available integer NOT NULL,
  reorder_point integer NOT NULL,
  days_of_cover double precision,
  opened_at_utc timestamptz NOT NULL,
  acknowledged_at_utc timestamptz,
  acknowledged_by text,
  snoozed_until_utc timestamptz,
  resolved_at_utc timestamptz,
  resolved_available integer);

CREATE UNIQUE INDEX stock_alerts_open ON stock_alerts (store_id, sku) WHERE resolved_at_utc IS NULL;
CREATE INDEX stock_alerts_store ON stock_alerts (store_id, alert_id);
