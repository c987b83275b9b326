-- Sell-through per ISO week, store and SKU, kept by landing (Marts/WeeklySellThrough.sql) so that a dashboard's weeks are
-- read, not summed again from the daily marts.
CREATE TABLE mart_weekly_sell_through (
  week_start DATE NOT NULL, store_id VARCHAR NOT NULL, sku VARCHAR NOT NULL, opening_on_hand BIGINT NOT NULL,
  received BIGINT NOT NULL, sold BIGINT NOT NULL, returned BIGINT NOT NULL, closing_on_hand BIGINT NOT NULL);

-- Every store and SKU the daily marts know, from the first week.
CREATE OR REPLACE TEMP TABLE redo_weeks AS
SELECT store_id, sku, (SELECT min(week_start) FROM dim_date) AS from_week
FROM (SELECT store_id, sku FROM mart_daily_sales UNION SELECT location, sku FROM mart_daily_inventory);

.read Marts/WeeklySellThrough.sql
