-- Per location and SKU at the end of $as_of: units on hand, units sold in the 28 days through $as_of, and the days of
-- those 28 on which it was in stock (had units on hand at some time of the day: at its start, at its end, or to sell). Days out of stock do not dilute
-- demand (DESIGN.md §5). mart_daily_inventory has a row only for days stock moved; a day between rows begins with the
-- earlier row's closing level.
-- Only the window's rows and the last row before it matter (the level the window opens with, and how long it lasted).
WITH before AS (
  SELECT sku, location, max(business_date) AS business_date, 0 AS sold,
         arg_max(closing_on_hand, business_date) AS closing_on_hand
  FROM mart_daily_inventory WHERE business_date <= $as_of - 28
  GROUP BY sku, location),
recent AS (
  SELECT sku, location, business_date, sold, closing_on_hand
  FROM mart_daily_inventory WHERE business_date > $as_of - 28 AND business_date <= $as_of),
rows AS (
  SELECT sku, location, business_date, sold, closing_on_hand,
         lag(closing_on_hand, 1, 0) OVER w AS opening_on_hand,
         lead(business_date, 1, $as_of + 1) OVER w AS next_date
  FROM (SELECT * FROM before UNION ALL SELECT * FROM recent) window_rows
  WINDOW w AS (PARTITION BY sku, location ORDER BY business_date)),
per_row AS (
  SELECT sku, location, business_date, closing_on_hand,
         CASE WHEN business_date > $as_of - 28 THEN sold ELSE 0 END AS sold_in_window,
         CASE WHEN business_date > $as_of - 28 AND (opening_on_hand > 0 OR closing_on_hand > 0 OR sold > 0) THEN 1 ELSE 0 END AS row_day_in_stock,
         CASE WHEN closing_on_hand > 0
              THEN greatest(0, least(next_date - 1, $as_of) - greatest(business_date + 1, $as_of - 27) + 1) ELSE 0 END AS days_between_in_stock
  FROM rows)
SELECT r.location, r.sku, p.category,
       arg_max(r.closing_on_hand, r.business_date) AS on_hand,
       sum(r.sold_in_window) AS sold_28d,
       sum(r.row_day_in_stock + r.days_between_in_stock) AS days_in_stock
FROM per_row r JOIN dim_product p ON p.sku = r.sku
WHERE ($stores IS NULL OR list_contains($stores, r.location))
  AND ($categories IS NULL OR list_contains($categories, p.category))
GROUP BY r.location, r.sku, p.category
ORDER BY r.location, r.sku
