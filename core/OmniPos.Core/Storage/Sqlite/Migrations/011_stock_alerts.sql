-- Replenishment: each SKU's reorder point and order-up-to level per store, as the nightly planning job last set them from
-- the demand forecast, and the low-stock alerts raised against them. At most one alert per store and SKU is open.
CREATE TABLE reorder_policies (
  store_id TEXT NOT NULL,
  sku TEXT NOT NULL,
  reorder_point INTEGER NOT NULL,
  order_up_to INTEGER NOT NULL,
  lead_time_days INTEGER NOT NULL,
  lead_time_demand REAL NOT NULL,
  daily_demand REAL NOT NULL,
  computed_at_utc TEXT NOT NULL,
  PRIMARY KEY (store_id, sku));

CREATE TABLE stock_alerts (
  alert_id INTEGER PRIMARY KEY,
  store_id TEXT NOT NULL,
  sku TEXT NOT NULL,
  reason TEXT NOT NULL,
  available INTEGER NOT NULL,
  reorder_point INTEGER NOT NULL,
  days_of_cover REAL,
  opened_at_utc TEXT NOT NULL,
  acknowledged_at_utc TEXT,
  acknowledged_by TEXT,
  snoozed_until_utc TEXT,
  resolved_at_utc TEXT,
  resolved_available INTEGER);

CREATE UNIQUE INDEX stock_alerts_open ON stock_alerts (store_id, sku) WHERE resolved_at_utc IS NULL;
CREATE INDEX stock_alerts_store ON stock_alerts (store_id, alert_id);
