-- The M5 layout (Kaggle's M5 Forecasting data): a calendar of days (d_1, d_2, …) with Walmart weeks, events and SNAP
-- flags per state; daily unit sales, one column per day, per item and store; weekly prices per store and item. Read as
-- text and cast here, so a malformed value fails the import with DuckDB's conversion error. A day before the item's first
-- price in that store was not a day on sale: its demand is unknown, not zero.
CREATE OR REPLACE TEMP TABLE m5_calendar AS SELECT * FROM read_csv({calendar}, header = true, all_varchar = true);
CREATE OR REPLACE TEMP TABLE m5_prices AS
SELECT store_id, item_id, CAST(wm_yr_wk AS INTEGER) AS week, CAST(sell_price AS DECIMAL(18, 4)) AS price
FROM read_csv({prices}, header = true, all_varchar = true);
CREATE OR REPLACE TEMP TABLE m5_sales AS SELECT * FROM read_csv({sales}, header = true, all_varchar = true);

CREATE OR REPLACE TEMP TABLE m5_flags AS
UNPIVOT (SELECT date, COLUMNS('^snap_') FROM m5_calendar) ON COLUMNS('^snap_') INTO NAME flag_column VALUE flag;

INSERT OR REPLACE INTO history_calendar
SELECT CAST(c.date AS DATE), coalesce(c.event_type_1, ''),
       coalesce((SELECT list(substr(f.flag_column, 6) ORDER BY f.flag_column) FROM m5_flags f WHERE f.date = c.date AND f.flag = '1'), [])
FROM m5_calendar c;

INSERT OR REPLACE INTO history_items SELECT DISTINCT item_id, dept_id, cat_id FROM m5_sales;
INSERT OR REPLACE INTO history_locations SELECT DISTINCT store_id, state_id FROM m5_sales;

INSERT OR REPLACE INTO history_sales
SELECT u.item_id, u.store_id, CAST(c.date AS DATE),
       CASE WHEN p.price IS NULL THEN NULL ELSE CAST(u.units AS DOUBLE) END,
       p.price, false, true, 'm5'
FROM (UNPIVOT (SELECT item_id, store_id, COLUMNS('^d_[0-9]+$') FROM m5_sales) ON COLUMNS('^d_[0-9]+$') INTO NAME d VALUE units) u
JOIN m5_calendar c ON c.d = u.d
LEFT JOIN m5_prices p ON p.store_id = u.store_id AND p.item_id = u.item_id AND p.week = CAST(c.wm_yr_wk AS INTEGER);

DROP TABLE m5_calendar;
DROP TABLE m5_prices;
DROP TABLE m5_sales;
DROP TABLE m5_flags;
