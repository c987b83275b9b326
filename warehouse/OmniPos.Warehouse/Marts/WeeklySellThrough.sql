-- Weekly sell-through, from the daily marts: per ISO week (Monday first), store and SKU that sold there or moved stock at
-- its location (the store's own) that week, the units on hand when the week began and when it ended, received in it,
-- and sold and returned in it. Redoes, for each store and SKU of the temp table redo_weeks, every week from its
-- from_week on.

-- The daily inventory rows that hold a level some redone week opens or closes with, or its receipts.
CREATE OR REPLACE TEMP TABLE redo_stock AS
SELECT i.sku, i.location AS store_id, i.business_date, coalesce(i.next_date, DATE '9999-12-31') AS next_date, i.received,
       i.closing_on_hand, r.from_week
FROM mart_daily_inventory i JOIN redo_weeks r ON r.store_id = i.location AND r.sku = i.sku
WHERE i.next_date IS NULL OR i.next_date >= r.from_week;

CREATE OR REPLACE TEMP TABLE weekly_rows AS
WITH sold AS (
  SELECT d.week_start, m.store_id, m.sku, sum(m.units_sold) AS sold, sum(m.units_returned) AS returned
  FROM mart_daily_sales m
  JOIN redo_weeks r ON r.store_id = m.store_id AND r.sku = m.sku AND m.business_date >= r.from_week
  JOIN dim_date d ON d.business_date = m.business_date
  GROUP BY d.week_start, m.store_id, m.sku),
received AS (
  SELECT d.week_start, s.store_id, s.sku, sum(s.received) AS received
  FROM redo_stock s JOIN dim_date d ON d.business_date = s.business_date
  WHERE s.business_date >= s.from_week
  GROUP BY d.week_start, s.store_id, s.sku),
keys AS (
  SELECT week_start, store_id, sku FROM sold UNION SELECT week_start, store_id, sku FROM received)
SELECT k.week_start, k.store_id, k.sku, coalesce(o.closing_on_hand, 0) AS opening_on_hand, coalesce(r.received, 0) AS received,
       coalesce(s.sold, 0) AS sold, coalesce(s.returned, 0) AS returned, coalesce(c.closing_on_hand, 0) AS closing_on_hand
FROM keys k
LEFT JOIN redo_stock o ON o.sku = k.sku AND o.store_id = k.store_id AND o.business_date < k.week_start AND o.next_date >= k.week_start
LEFT JOIN redo_stock c ON c.sku = k.sku AND c.store_id = k.store_id AND c.business_date < k.week_start + 7 AND c.next_date >= k.week_start + 7
LEFT JOIN sold s ON s.week_start = k.week_start AND s.store_id = k.store_id AND s.sku = k.sku
LEFT JOIN received r ON r.week_start = k.week_start AND r.store_id = k.store_id AND r.sku = k.sku;

DELETE FROM mart_weekly_sell_through w USING redo_weeks r
WHERE w.store_id = r.store_id AND w.sku = r.sku AND w.week_start >= r.from_week;

-- In week order, so that a query of some weeks reads only the row groups that hold them.
INSERT INTO mart_weekly_sell_through SELECT * FROM weekly_rows ORDER BY week_start, store_id, sku;

DROP TABLE redo_stock;
DROP TABLE weekly_rows;
DROP TABLE redo_weeks;
