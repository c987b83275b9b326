-- Marts: aggregates landing keeps current for the dates each run touches (Marts/MartRefresh.cs).

-- Per business day, store, channel and SKU: units and money sold that day, and units and refunds returned that day.
CREATE TABLE mart_daily_sales (
  business_date DATE NOT NULL, store_id VARCHAR NOT NULL, channel VARCHAR NOT NULL, sku VARCHAR NOT NULL,
  units_sold BIGINT NOT NULL, gross DECIMAL(38,4) NOT NULL, discount DECIMAL(38,4) NOT NULL, net_sales DECIMAL(38,4) NOT NULL,
  tax DECIMAL(38,4) NOT NULL, cost DECIMAL(38,4) NOT NULL, sale_lines BIGINT NOT NULL,
  units_returned BIGINT NOT NULL, refunded DECIMAL(38,4) NOT NULL);

-- Per SKU, location and day on which its stock moved: the day's movements and the levels at the day's end. A day
-- without a row has the level of the row before it.
CREATE TABLE mart_daily_inventory (
  business_date DATE NOT NULL, sku VARCHAR NOT NULL, location VARCHAR NOT NULL,
  received BIGINT NOT NULL, sold BIGINT NOT NULL, restocked BIGINT NOT NULL, other_change BIGINT NOT NULL,
  closing_on_hand BIGINT NOT NULL, closing_reserved BIGINT NOT NULL);

-- FIFO receipt lots (DESIGN.md §5): each movement that adds units on hand is a lot dated at its business day, valued at
-- its own cost when it states one (a receipt), else at the product's standard cost (restocked returns, transfers in,
-- counts that find units).
CREATE VIEW receipt_lots AS
SELECT m.sku, m.location, m.business_date AS lot_date, m.seq, m.kind, m.on_hand_change AS units,
       coalesce(m.unit_cost, p.unit_cost) AS unit_cost
FROM fact_inventory_movements m JOIN dim_product p USING (sku)
WHERE m.on_hand_change > 0;

-- The daily inventory snapshot: every SKU and location, every day from its first movement through the last day any
-- stock moved, with the levels at the day's end (mart_daily_inventory's sparse rows, filled forward).
CREATE VIEW daily_inventory_snapshots AS
WITH spans AS (
  SELECT sku, location, business_date, closing_on_hand, closing_reserved,
         lead(business_date, 1, (SELECT max(business_date) + 1 FROM mart_daily_inventory))
           OVER (PARTITION BY sku, location ORDER BY business_date) AS next_date
  FROM mart_daily_inventory)
SELECT d.business_date, s.sku, s.location, s.closing_on_hand AS on_hand, s.closing_reserved AS reserved
FROM spans s JOIN dim_date d ON d.business_date >= s.business_date AND d.business_date < s.next_date;

-- Each SKU of each sale that was returned, once or more: the sale's day, store and channel, and what its lines of that
-- SKU sold, so a return is valued at its sale's prices and counted in the sale's period (DESIGN.md §5).
CREATE VIEW returned_sale_skus AS
SELECT transaction_id, sku, min(business_date) AS business_date, min(store_id) AS store_id, min(channel) AS channel,
       sum(gross) AS gross, sum(net_sales) AS net_sales, sum(quantity) AS quantity
FROM fact_sale_lines
WHERE transaction_id IN (SELECT original_transaction_id FROM fact_return_lines)
GROUP BY transaction_id, sku;
