-- A store's shelf prices as price_change events set them (markdowns, rises, promotion prices), newest last; a SKU a
-- store never changed sells at the product's list price.
CREATE TABLE price_changes (
  seq INTEGER PRIMARY KEY, store_id TEXT NOT NULL, sku TEXT NOT NULL, unit_price TEXT NOT NULL, promotion_id TEXT, reason TEXT);
CREATE INDEX price_changes_by_store_sku ON price_changes (store_id, sku, seq);
