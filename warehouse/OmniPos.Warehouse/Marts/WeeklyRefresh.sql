-- Redoes the weekly sell-through of every store and SKU landing left pending, from its earliest pending week on, and
-- clears the queue (in the caller's transaction).
CREATE OR REPLACE TEMP TABLE redo_weeks AS
SELECT store_id, sku, min(from_week) AS from_week FROM mart_pending_weeks GROUP BY store_id, sku;

.read Marts/WeeklySellThrough.sql

DELETE FROM mart_pending_weeks;
