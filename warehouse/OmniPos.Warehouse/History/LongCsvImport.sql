-- The long layout: one row per SKU, location and day (history_csv, read by SalesHistoryImport and checked there first).
-- Optional columns default: not promoted, in stock, the department and category "unknown", the region "". A day out of
-- stock keeps its sales but its demand is unknown (censored).
INSERT OR REPLACE INTO history_items
SELECT sku, coalesce(max(department), 'unknown'), coalesce(max(category), 'unknown') FROM history_csv GROUP BY sku;
INSERT OR REPLACE INTO history_locations SELECT location, coalesce(max(region), '') FROM history_csv GROUP BY location;
INSERT OR REPLACE INTO history_sales
SELECT sku, location, CAST(date AS DATE),
       CASE WHEN coalesce(CAST(in_stock AS BOOLEAN), true) THEN CAST(units AS DOUBLE) END,
       CAST(price AS DECIMAL(18, 4)), coalesce(CAST(promoted AS BOOLEAN), false), coalesce(CAST(in_stock AS BOOLEAN), true), {source}
FROM history_csv;
INSERT OR IGNORE INTO history_calendar
SELECT DISTINCT CAST(date AS DATE), '', [] FROM history_csv;
