-- Purchase orders placed with suppliers. What the receipts naming an order as their reference have not brought yet is
-- on order, and replenishment counts it in the units available.
CREATE TABLE purchase_orders (
  order_id TEXT PRIMARY KEY,
  store_id TEXT NOT NULL,
  sku TEXT NOT NULL,
  units INTEGER NOT NULL,
  placed_at_utc TEXT NOT NULL);

CREATE INDEX purchase_orders_store_sku ON purchase_orders (store_id, sku);
