-- Purchase orders placed with suppliers. What the receipts naming an order as their reference have not brought yet is
-- on order, and replenishment counts it in the units available.
CREATE TABLE purchase_orders (
  order_id text PRIMARY KEY,
  store_id text NOT NULL,
  sku text NOT NULL,
  units integer NOT NULL,
  placed_at_utc timestamptz NOT NULL);

CREATE INDEX purchase_orders_store_sku ON purchase_orders (store_id, sku);
