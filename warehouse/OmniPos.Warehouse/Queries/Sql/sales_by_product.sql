-- Per SKU: units and net sales of its sale lines in the period, and units and refunds of its returns in the period.
WITH sold AS (
  SELECT m.sku, sum(m.units_sold) AS units, sum(m.net_sales) AS net_sales, sum(m.units_returned) AS returned_units,
         sum(m.refunded) AS refunded
  FROM mart_daily_sales m
  WHERE m.business_date BETWEEN $from AND $through
    AND ($stores IS NULL OR list_contains($stores, m.store_id))
    AND ($channels IS NULL OR list_contains($channels, m.channel))
  GROUP BY m.sku)
SELECT s.sku, p.name, p.category, s.units, s.net_sales, s.returned_units, s.refunded
FROM sold s JOIN dim_product p ON p.sku = s.sku
WHERE ($categories IS NULL OR list_contains($categories, p.category))
ORDER BY s.sku
