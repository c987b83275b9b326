-- A store's shelf prices as price_change events set them (markdowns, rises, promotion prices), newest last; a SKU a
-- store never changed sells at the product's list price.
CREATE TABLE price_changes (
  seq bigint PRIMARY KEY, store_id text NOT NULL, sku text NOT NULL, unit_price numeric(19, 4) NOT NULL, promotion_id text, reason text);
CREATE INDEX price_changes_by_store_sku ON price_changes (store_id, sku, seq);
