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

-- Levels are carried forward from the last row kept before each SKU-location's first touched day (the rows from that
-- day on were just deleted), so a run re-reads only the movements of the days it touched and after.
INSERT INTO mart_daily_inventory
WITH opening AS (
  SELECT sku, location, arg_max(closing_on_hand, business_date) AS on_hand, arg_max(closing_reserved, business_date) AS reserved
  FROM mart_daily_inventory SEMI JOIN touched_stock USING (sku, location)
  GROUP BY sku, location),
days AS (
  SELECT m.business_date, m.sku, m.location,
         coalesce(sum(m.on_hand_change) FILTER (WHERE m.kind IN ('receipt', 'transfer_in')), 0) AS received,
         coalesce(-sum(m.on_hand_change) FILTER (WHERE m.kind = 'sale'), 0) AS sold,
         coalesce(sum(m.on_hand_change) FILTER (WHERE m.kind = 'return_restock'), 0) AS restocked,
         coalesce(sum(m.on_hand_change) FILTER (WHERE m.kind IN ('transfer_out', 'count_adjustment')), 0) AS other_change,
         sum(m.on_hand_change) AS on_hand_change, sum(m.reserved_change) AS reserved_change
  FROM fact_inventory_movements m
  JOIN touched_stock t ON t.sku = m.sku AND t.location = m.location AND m.business_date >= t.from_date
  GROUP BY m.business_date, m.sku, m.location)
SELECT d.business_date, d.sku, d.location, d.received, d.sold, d.restocked, d.other_change,
       coalesce(o.on_hand, 0) + sum(d.on_hand_change) OVER w AS closing_on_hand,
       coalesce(o.reserved, 0) + sum(d.reserved_change) OVER w AS closing_reserved
FROM days d LEFT JOIN opening o USING (sku, location)
WINDOW w AS (PARTITION BY d.sku, d.location ORDER BY d.business_date ROWS UNBOUNDED PRECEDING);
