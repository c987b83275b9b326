-- Per location and SKU at the end of $as_of: units on hand, units sold in the 28 days through $as_of, and the days of
-- those 28 on which it was in stock (had units on hand at some time of the day: at its start, at its end, or to sell).
-- Days out of stock do not dilute demand (DESIGN.md §5). mart_daily_inventory has a row only for days stock moved,
-- whose level lasts until its next_date; only the window's rows and the one whose span holds the window's first day
-- matter. A row's day opened with its closing level less the day's movements.
WITH rows AS (
  SELECT sku, location, business_date, closing_on_hand, least(coalesce(next_date, $as_of + 1), $as_of + 1) AS next_date,
         CASE WHEN business_date > $as_of - 28 THEN sold ELSE 0 END AS sold_in_window,
         business_date > $as_of - 28
           AND (closing_on_hand - received + sold - restocked - other_change > 0 OR closing_on_hand > 0 OR sold > 0) AS row_day_in_stock
  FROM mart_daily_inventory
  WHERE business_date <= $as_of AND (business_date > $as_of - 28 OR next_date IS NULL OR next_date > $as_of - 27)),
per_location AS (
  SELECT location, sku, arg_max(closing_on_hand, business_date) AS on_hand, sum(sold_in_window) AS sold_28d,
         sum(CASE WHEN row_day_in_stock THEN 1 ELSE 0 END
             + CASE WHEN closing_on_hand > 0 THEN greatest(0, next_date - greatest(business_date + 1, $as_of - 27)) ELSE 0 END) AS days_in_stock
  FROM rows
  WHERE $stores IS NULL OR list_contains($stores, location)
  GROUP BY location, sku)
SELECT r.location, r.sku, p.category, r.on_hand, r.sold_28d, r.days_in_stock
FROM per_location r JOIN dim_product p ON p.sku = r.sku
WHERE $categories IS NULL OR list_contains($categories, p.category)
ORDER BY r.location, r.sku
