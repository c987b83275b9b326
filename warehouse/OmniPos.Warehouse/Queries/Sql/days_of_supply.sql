-- Per location and SKU at the end of $as_of: units on hand, units sold in the 28 days through $as_of, and the days of
-- those 28 on which it was in stock (had units on hand at some time of the day: at its start, at its end, or to sell).
-- Days out of stock do not dilute demand (DESIGN.md §5). mart_daily_inventory has a row only for days stock moved,
-- whose level lasts until its next_date, with running totals of units sold and days in stock through its day; the
-- window's are those at $as_of less those at the day before it, each read from the row whose span holds that day (a day
-- after a row is in stock if the row closed with units).
WITH ends AS (
  SELECT location, sku, closing_on_hand AS on_hand, sold_through AS sold,
         in_stock_days_through + CASE WHEN closing_on_hand > 0 THEN $as_of - business_date ELSE 0 END AS days_in_stock
  FROM mart_daily_inventory
  WHERE business_date <= $as_of AND (next_date IS NULL OR next_date > $as_of)
  UNION ALL
  SELECT location, sku, 0, -sold_through,
         -(in_stock_days_through + CASE WHEN closing_on_hand > 0 THEN $as_of - 28 - business_date ELSE 0 END)
  FROM mart_daily_inventory
  WHERE business_date <= $as_of - 28 AND (next_date IS NULL OR next_date > $as_of - 28)),
per_location AS (
  SELECT location, sku, sum(on_hand) AS on_hand, sum(sold) AS sold_28d, sum(days_in_stock) AS days_in_stock
  FROM ends
  WHERE $stores IS NULL OR list_contains($stores, location)
  GROUP BY location, sku)
SELECT r.location, r.sku, p.category, r.on_hand, r.sold_28d, r.days_in_stock
FROM per_location r JOIN dim_product p ON p.sku = r.sku
WHERE $categories IS NULL OR list_contains($categories, p.category)
ORDER BY r.location, r.sku
