-- Brings the marts up to date with what one landing run staged (stage_* tables, still present in the transaction that
-- commits it). Facts are only ever added, each exactly once, so a mart row is its old value plus what the run adds to
-- it: a run reads its own rows and the mart rows it changes, and earlier facts only to find the sales its returns name.

-- Daily sales: the run's lines and returns summed per day, store, channel and SKU, added to the rows they touch.
CREATE OR REPLACE TEMP TABLE sales_delta AS
WITH sold AS (
  SELECT business_date, store_id, channel, sku, sum(quantity) AS units_sold, sum(gross) AS gross, sum(discount) AS discount,
         sum(net_sales) AS net_sales, sum(tax) AS tax, sum(cost) AS cost, count(*) AS sale_lines
  FROM stage_fact_sale_lines GROUP BY ALL),
returned AS (
  SELECT business_date, store_id, channel, sku, sum(quantity) AS units_returned, sum(refund_amount) AS refunded
  FROM stage_fact_return_lines GROUP BY ALL)
SELECT business_date, store_id, channel, sku,
       coalesce(units_sold, 0) AS units_sold, coalesce(gross, 0) AS gross, coalesce(discount, 0) AS discount,
       coalesce(net_sales, 0) AS net_sales, coalesce(tax, 0) AS tax, coalesce(cost, 0) AS cost, coalesce(sale_lines, 0) AS sale_lines,
       coalesce(units_returned, 0) AS units_returned, coalesce(refunded, 0) AS refunded
FROM sold FULL OUTER JOIN returned USING (business_date, store_id, channel, sku);

CREATE OR REPLACE TEMP TABLE sales_rows AS
SELECT d.business_date, d.store_id, d.channel, d.sku,
       d.units_sold + coalesce(m.units_sold, 0), d.gross + coalesce(m.gross, 0), d.discount + coalesce(m.discount, 0),
       d.net_sales + coalesce(m.net_sales, 0), d.tax + coalesce(m.tax, 0), d.cost + coalesce(m.cost, 0),
       d.sale_lines + coalesce(m.sale_lines, 0), d.units_returned + coalesce(m.units_returned, 0), d.refunded + coalesce(m.refunded, 0)
FROM sales_delta d LEFT JOIN mart_daily_sales m USING (business_date, store_id, channel, sku);

DELETE FROM mart_daily_sales m USING sales_delta d
WHERE m.business_date = d.business_date AND m.store_id = d.store_id AND m.channel = d.channel AND m.sku = d.sku;

INSERT INTO mart_daily_sales SELECT * FROM sales_rows;

-- Returned sales: every SKU of a sale that some landed return names, once. A sale lands whole in one run and its returns
-- in any run, before or after it, so a run adds the sales its returns name and its own sales already returned, unless
-- the mart has them.
INSERT INTO mart_returned_sale_skus
WITH wanted AS (
  SELECT original_transaction_id AS transaction_id FROM stage_fact_return_lines WHERE original_transaction_id IS NOT NULL
  UNION
  SELECT transaction_id FROM stage_fact_sale_lines WHERE transaction_id IN (SELECT original_transaction_id FROM fact_return_lines))
SELECT l.transaction_id, l.sku, min(l.business_date), min(l.store_id), min(l.channel), sum(l.gross), sum(l.net_sales), sum(l.quantity)
FROM fact_sale_lines l SEMI JOIN wanted USING (transaction_id)
ANTI JOIN mart_returned_sale_skus m USING (transaction_id, sku)
GROUP BY l.transaction_id, l.sku;

-- Unmatched settlements: the run's tenders match some that landed before them (an offline register's queue, uploaded
-- after the processor's file). Settlements' own runs add theirs (Marts/SettlementRefresh.sql).
DELETE FROM mart_unmatched_settlements u USING stage_fact_tenders t
WHERE t.store_id = u.store_id AND t.card_token = u.processor_token AND t.auth_code = u.auth_code;

-- Daily inventory: a run changes the levels of each SKU-location it moved from the first day it moved on. Those days are
-- summed again from the rows kept (their changes: on hand from the movements, reserved and added from the closing
-- levels) and the run's own movements, and the levels carried forward from the row whose span holds the day before.
CREATE OR REPLACE TEMP TABLE stock_delta AS
SELECT business_date, sku, location,
       coalesce(sum(on_hand_change) FILTER (WHERE kind IN ('receipt', 'transfer_in')), 0) AS received,
       coalesce(-sum(on_hand_change) FILTER (WHERE kind = 'sale'), 0) AS sold,
       coalesce(sum(on_hand_change) FILTER (WHERE kind = 'return_restock'), 0) AS restocked,
       coalesce(sum(on_hand_change) FILTER (WHERE kind IN ('transfer_out', 'count_adjustment')), 0) AS other_change,
       sum(on_hand_change) AS on_hand_change, sum(reserved_change) AS reserved_change,
       coalesce(sum(on_hand_change) FILTER (WHERE on_hand_change > 0), 0) AS added_change
FROM stage_fact_inventory_movements GROUP BY ALL;

CREATE OR REPLACE TEMP TABLE touched_stock AS
SELECT sku, location, min(business_date) AS from_date FROM stock_delta GROUP BY ALL;

CREATE OR REPLACE TEMP TABLE stock_days AS
WITH opening AS (
  SELECT sku, location, m.business_date, m.closing_on_hand AS on_hand, m.closing_reserved AS reserved, m.closing_added AS added,
         m.sold_through, m.in_stock_days_through
  FROM mart_daily_inventory m JOIN touched_stock t USING (sku, location)
  WHERE m.business_date < t.from_date AND (m.next_date IS NULL OR m.next_date >= t.from_date)),
kept AS (
  SELECT m.business_date, m.sku, m.location, m.received, m.sold, m.restocked, m.other_change,
         m.received - m.sold + m.restocked + m.other_change AS on_hand_change,
         m.closing_reserved - coalesce(lag(m.closing_reserved) OVER w, o.reserved, 0) AS reserved_change,
         m.closing_added - coalesce(lag(m.closing_added) OVER w, o.added, 0) AS added_change
  FROM mart_daily_inventory m JOIN touched_stock t USING (sku, location) LEFT JOIN opening o USING (sku, location)
  WHERE m.business_date >= t.from_date
  WINDOW w AS (PARTITION BY m.sku, m.location ORDER BY m.business_date)),
days AS (
  SELECT business_date, sku, location, sum(received) AS received, sum(sold) AS sold, sum(restocked) AS restocked,
         sum(other_change) AS other_change, sum(on_hand_change) AS on_hand_change, sum(reserved_change) AS reserved_change,
         sum(added_change) AS added_change
  FROM (SELECT * FROM kept UNION ALL BY NAME SELECT * FROM stock_delta)
  GROUP BY ALL)
SELECT d.*, o.business_date AS opening_date, coalesce(o.on_hand, 0) AS opening_on_hand, coalesce(o.reserved, 0) AS opening_reserved,
       coalesce(o.added, 0) AS opening_added, coalesce(o.sold_through, 0) AS opening_sold,
       coalesce(o.in_stock_days_through, 0) AS opening_in_stock_days
FROM days d LEFT JOIN opening o USING (sku, location);

-- The row before the first day summed again now spans up to that day.
UPDATE mart_daily_inventory m SET next_date = t.from_date FROM touched_stock t
WHERE m.sku = t.sku AND m.location = t.location AND m.business_date < t.from_date AND (m.next_date IS NULL OR m.next_date >= t.from_date);

DELETE FROM mart_daily_inventory m USING touched_stock t
WHERE m.sku = t.sku AND m.location = t.location AND m.business_date >= t.from_date;

INSERT INTO mart_daily_inventory
WITH levels AS (
  SELECT *, opening_on_hand + sum(on_hand_change) OVER running AS closing_on_hand,
         opening_reserved + sum(reserved_change) OVER running AS closing_reserved,
         opening_added + sum(added_change) OVER running AS closing_added,
         opening_sold + sum(sold) OVER running AS sold_through
  FROM stock_days
  WINDOW running AS (PARTITION BY sku, location ORDER BY business_date ROWS UNBOUNDED PRECEDING)),
-- Days in stock (DESIGN.md §5, days of supply): a row's day if it had units at its start or its end or sold any, and
-- the days since the row before (on which nothing moved) if that row closed with units.
days AS (
  SELECT *, lead(business_date) OVER w AS next_date,
         CASE WHEN closing_on_hand - on_hand_change > 0 OR closing_on_hand > 0 OR sold > 0 THEN 1 ELSE 0 END
         + CASE WHEN coalesce(lag(closing_on_hand) OVER w, opening_on_hand) > 0
                THEN business_date - coalesce(lag(business_date) OVER w, opening_date) - 1 ELSE 0 END AS in_stock_days
  FROM levels
  WINDOW w AS (PARTITION BY sku, location ORDER BY business_date))
SELECT business_date, sku, location, received, sold, restocked, other_change, closing_on_hand, closing_reserved, next_date,
       closing_added, sold_through,
       opening_in_stock_days + sum(in_stock_days) OVER (PARTITION BY sku, location ORDER BY business_date ROWS UNBOUNDED PRECEDING)
FROM days;

-- Receipt lots: the run's lots of each SKU-location take their place in FIFO order (day, then seq), and the running
-- totals of that location's lots from the first day they arrive are summed again.
CREATE OR REPLACE TEMP TABLE new_lots AS
SELECT sku, location, business_date AS lot_date, seq, kind, on_hand_change AS units, unit_cost
FROM stage_fact_inventory_movements WHERE on_hand_change > 0;

CREATE OR REPLACE TEMP TABLE touched_lots AS
SELECT sku, location, min(lot_date) AS from_date FROM new_lots GROUP BY ALL;

CREATE OR REPLACE TEMP TABLE lot_rows AS
WITH earlier AS (
  SELECT l.sku, l.location, max(l.units_through) AS units_through
  FROM mart_receipt_lots l JOIN touched_lots t USING (sku, location)
  WHERE l.lot_date < t.from_date
  GROUP BY ALL),
lots AS (
  SELECT l.sku, l.location, l.lot_date, l.seq, l.kind, l.units, l.unit_cost
  FROM mart_receipt_lots l JOIN touched_lots t USING (sku, location)
  WHERE l.lot_date >= t.from_date
  UNION ALL
  SELECT * FROM new_lots)
SELECT l.*, coalesce(e.units_through, 0) + sum(l.units) OVER (PARTITION BY l.sku, l.location ORDER BY l.lot_date, l.seq ROWS UNBOUNDED PRECEDING)
FROM lots l LEFT JOIN earlier e USING (sku, location);

DELETE FROM mart_receipt_lots l USING touched_lots t
WHERE l.sku = t.sku AND l.location = t.location AND l.lot_date >= t.from_date;

INSERT INTO mart_receipt_lots SELECT * FROM lot_rows;

-- Weekly sell-through is left to the marts refresh that follows landing (Marts/WeeklyRefresh.sql): for each store and
-- SKU, the week of the run's earliest sale of it, or the week its stock at the store's location first moved in the run
-- (every later level changed), is queued.
INSERT INTO mart_pending_weeks
SELECT s.store_id, s.sku, d.week_start FROM sales_delta s JOIN dim_date d ON d.business_date = s.business_date
UNION ALL
SELECT t.location, t.sku, d.week_start FROM touched_stock t JOIN dim_date d ON d.business_date = t.from_date;

DROP TABLE sales_delta;
DROP TABLE sales_rows;
DROP TABLE stock_delta;
DROP TABLE touched_stock;
DROP TABLE stock_days;
DROP TABLE new_lots;
DROP TABLE touched_lots;
DROP TABLE lot_rows;
