-- The weeks of mart_weekly_sell_through that landed data changed and the chained marts refresh has not redone yet
-- (Marts/WeeklyRefresh.sql): a landing run records them in its own transaction, so none is lost, and the refresh redoes
-- every store and SKU once from its earliest pending week, however many runs touched it.
CREATE TABLE mart_pending_weeks (store_id VARCHAR NOT NULL, sku VARCHAR NOT NULL, from_week DATE NOT NULL);
