-- Rebuilds the marts for what one landing run staged (stage_* tables, still present in the transaction that commits it).
CREATE OR REPLACE TEMP TABLE touched_days AS
SELECT DISTINCT store_id, business_date FROM stage_fact_sale_lines
UNION SELECT DISTINCT store_id, business_date FROM stage_fact_return_lines;

DELETE FROM mart_daily_sales m
WHERE EXISTS (SELECT 1 FROM touched_days t WHERE t.store_id = m.store_id AND t.business_date = m.business_date);

INSERT INTO mart_daily_sales
WITH sold AS (
  SELECT business_date, store_id, channel, sku, sum(quantity) AS units_sold, sum(gross) AS gross, sum(discount) AS discount,
         sum(net_sales) AS net_sales, sum(tax) AS tax, sum(cost) AS cost, count(*) AS sale_lines
  FROM fact_sale_lines SEMI JOIN touched_days USING (store_id, business_date)
  GROUP BY ALL),
returned AS (
  SELECT business_date, store_id, channel, sku, sum(quantity) AS units_returned, sum(refund_amount) AS refunded
  FROM fact_return_lines SEMI JOIN touched_days USING (store_id, business_date)
  GROUP BY ALL)
SELECT business_date, store_id, channel, sku,
       coalesce(units_sold, 0), coalesce(gross, 0), coalesce(discount, 0), coalesce(net_sales, 0), coalesce(tax, 0),
       coalesce(cost, 0), coalesce(sale_lines, 0), coalesce(units_returned, 0), coalesce(refunded, 0)
FROM sold FULL OUTER JOIN returned USING (business_date, store_id, channel, sku);

CREATE OR REPLACE TEMP TABLE touched_stock AS
SELECT sku, location, min(business_date) AS from_date FROM stage_fact_inventory_movements GROUP BY ALL;

DELETE FROM mart_daily_inventory m
WHERE EXISTS (SELECT 1 FROM touched_stock t WHERE t.sku = m.sku AND t.location = m.location AND m.business_date >= t.from_date);

INSERT INTO mart_daily_inventory
WITH days AS (
  SELECT business_date, sku, location,
         coalesce(sum(on_hand_change) FILTER (WHERE kind IN ('receipt', 'transfer_in')), 0) AS received,
         coalesce(-sum(on_hand_change) FILTER (WHERE kind = 'sale'), 0) AS sold,
         coalesce(sum(on_hand_change) FILTER (WHERE kind = 'return_restock'), 0) AS restocked,
         coalesce(sum(on_hand_change) FILTER (WHERE kind IN ('transfer_out', 'count_adjustment')), 0) AS other_change,
         sum(on_hand_change) AS on_hand_change, sum(reserved_change) AS reserved_change
  FROM fact_inventory_movements SEMI JOIN touched_stock USING (sku, location)
  GROUP BY ALL),
levels AS (
  SELECT *, sum(on_hand_change) OVER w AS closing_on_hand, sum(reserved_change) OVER w AS closing_reserved
  FROM days
  WINDOW w AS (PARTITION BY sku, location ORDER BY business_date ROWS UNBOUNDED PRECEDING))
SELECT l.business_date, l.sku, l.location, l.received, l.sold, l.restocked, l.other_change, l.closing_on_hand, l.closing_reserved
FROM levels l JOIN touched_stock t USING (sku, location)
WHERE l.business_date >= t.from_date;
