-- Each daily inventory row carries two running totals of its SKU-location, from its first row through the row's day:
-- units sold, and days in stock (Marts/MartRefresh.sql states which days count). Those of a period are then the
-- difference between the rows that hold its last day and the day before it, so days of supply reads two rows per SKU
-- and location instead of every row of the trailing window.
CREATE TABLE mart_daily_inventory_totals (
  business_date DATE NOT NULL, sku VARCHAR NOT NULL, location VARCHAR NOT NULL,
  received BIGINT NOT NULL, sold BIGINT NOT NULL, restocked BIGINT NOT NULL, other_change BIGINT NOT NULL,
  closing_on_hand BIGINT NOT NULL, closing_reserved BIGINT NOT NULL, next_date DATE, closing_added BIGINT NOT NULL,
  sold_through BIGINT NOT NULL, in_stock_days_through BIGINT NOT NULL);

INSERT INTO mart_daily_inventory_totals
WITH days AS (
  SELECT *,
         CASE WHEN closing_on_hand - (received - sold + restocked + other_change) > 0 OR closing_on_hand > 0 OR sold > 0 THEN 1 ELSE 0 END
         + CASE WHEN lag(closing_on_hand) OVER w > 0 THEN business_date - lag(business_date) OVER w - 1 ELSE 0 END AS in_stock_days
  FROM mart_daily_inventory
  WINDOW w AS (PARTITION BY sku, location ORDER BY business_date))
SELECT business_date, sku, location, received, sold, restocked, other_change, closing_on_hand, closing_reserved, next_date,
       closing_added, sum(sold) OVER running, sum(in_stock_days) OVER running
FROM days
WINDOW running AS (PARTITION BY sku, location ORDER BY business_date ROWS UNBOUNDED PRECEDING)
ORDER BY business_date, sku, location;

DROP TABLE mart_daily_inventory;
ALTER TABLE mart_daily_inventory_totals RENAME TO mart_daily_inventory;
