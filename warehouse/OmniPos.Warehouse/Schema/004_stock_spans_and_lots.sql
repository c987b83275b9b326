-- Stock as of any day without searching: each daily inventory row states the next day its SKU-location's stock moved
-- (NULL for its latest row), so the row holding a day's level is found by a filter; and it carries the units lots
-- added through its day, so what went out FIFO is the lots' units less what is on hand. The FIFO lots become a mart
-- that keeps each lot's running total, instead of a view that made every aging query sum them again.

CREATE TABLE mart_daily_inventory_spans (
  business_date DATE NOT NULL, sku VARCHAR NOT NULL, location VARCHAR NOT NULL,
  received BIGINT NOT NULL, sold BIGINT NOT NULL, restocked BIGINT NOT NULL, other_change BIGINT NOT NULL,
  closing_on_hand BIGINT NOT NULL, closing_reserved BIGINT NOT NULL, next_date DATE, closing_added BIGINT NOT NULL);

INSERT INTO mart_daily_inventory_spans
SELECT i.*, lead(i.business_date) OVER w, sum(coalesce(a.added, 0)) OVER w
FROM mart_daily_inventory i
LEFT JOIN (SELECT sku, location, business_date, sum(on_hand_change) AS added
           FROM fact_inventory_movements WHERE on_hand_change > 0 GROUP BY sku, location, business_date) a
  USING (sku, location, business_date)
WINDOW w AS (PARTITION BY i.sku, i.location ORDER BY i.business_date)
-- In day order, as landing adds them, so that a query of some days reads only the row groups that hold them.
ORDER BY i.business_date, i.sku, i.location;

DROP TABLE mart_daily_inventory;
ALTER TABLE mart_daily_inventory_spans RENAME TO mart_daily_inventory;

-- The daily snapshot: every SKU and location, every day from its first movement through the last day any stock moved,
-- at the levels its row of that day's span closed with.
CREATE OR REPLACE VIEW daily_inventory_snapshots AS
SELECT d.business_date, i.sku, i.location, i.closing_on_hand AS on_hand, i.closing_reserved AS reserved
FROM mart_daily_inventory i
JOIN dim_date d ON d.business_date >= i.business_date
               AND d.business_date < coalesce(i.next_date, (SELECT max(business_date) + 1 FROM mart_daily_inventory));

-- Each movement that added units on hand, in FIFO order per SKU and location (day, then seq), with the cost it states
-- (a receipt's; NULL where the product's standard cost applies) and the units of its location's lots through it.
CREATE TABLE mart_receipt_lots (
  sku VARCHAR NOT NULL, location VARCHAR NOT NULL, lot_date DATE NOT NULL, seq BIGINT NOT NULL, kind VARCHAR NOT NULL,
  units INTEGER NOT NULL, unit_cost DECIMAL(18,4), units_through BIGINT NOT NULL);

INSERT INTO mart_receipt_lots
SELECT sku, location, business_date, seq, kind, on_hand_change, unit_cost,
       sum(on_hand_change) OVER (PARTITION BY sku, location ORDER BY business_date, seq ROWS UNBOUNDED PRECEDING)
FROM fact_inventory_movements WHERE on_hand_change > 0
ORDER BY business_date, sku, location, seq;

DROP VIEW receipt_lots;
