-- Every series' daily demand, into the connection's temp table demand_days: what landing brought (units sold per SKU, stock
-- location and business day, gift cards aside) from the first day the SKU sold or moved there through the last landed
-- day, and before that what was imported from a previous system (history_sales). A landed day that ended with nothing
-- on the shelf is unknown demand (what sold is not what was wanted), as are imported days the source marked so; a
-- landed day without sales and with stock is a demand of zero. Prices: what the day's lines paid, else the list price.
CREATE OR REPLACE TEMP TABLE demand_days AS
WITH landed_sales AS (
    SELECT sku, location, business_date, sum(quantity) AS units, sum(net_sales) / nullif(sum(quantity), 0) AS price,
           bool_or(promotion_id IS NOT NULL) AS promoted
    FROM fact_sale_lines WHERE NOT is_gift_card GROUP BY ALL),
landed_series AS (
    SELECT sku, location, min(business_date) AS first_day FROM (
        SELECT sku, location, business_date FROM landed_sales
        UNION ALL
        SELECT i.sku, i.location, i.business_date FROM mart_daily_inventory i JOIN dim_product p USING (sku) WHERE NOT p.is_gift_card)
    GROUP BY ALL),
landed_days AS (
    SELECT s.sku, s.location, CAST(d.day AS DATE) AS business_date
    FROM landed_series s, (SELECT max(business_date) AS last_day FROM fact_sale_lines) l,
         LATERAL generate_series(CAST(s.first_day AS TIMESTAMP), CAST(l.last_day AS TIMESTAMP), INTERVAL 1 DAY) AS d(day)),
landed AS (
    SELECT d.sku, d.location, d.business_date,
           CASE WHEN coalesce(i.closing_on_hand, 0) <= 0 THEN NULL ELSE CAST(coalesce(s.units, 0) AS DOUBLE) END AS units,
           CAST(coalesce(s.price, p.unit_price) AS DOUBLE) AS price, coalesce(s.promoted, false) AS promoted
    FROM landed_days d
    JOIN dim_product p USING (sku)
    LEFT JOIN landed_sales s USING (sku, location, business_date)
    ASOF LEFT JOIN mart_daily_inventory i ON i.sku = d.sku AND i.location = d.location AND d.business_date >= i.business_date)
SELECT sku, location, business_date, units, price, promoted FROM landed
UNION ALL
SELECT h.sku, h.location, h.business_date, h.units, CAST(h.price AS DOUBLE), h.promoted FROM history_sales h
WHERE NOT EXISTS (SELECT 1 FROM landed l WHERE l.sku = h.sku AND l.location = h.location AND l.business_date = h.business_date);
