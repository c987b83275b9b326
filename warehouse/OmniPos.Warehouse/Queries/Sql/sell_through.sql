-- Per ISO week (Monday first), store and SKU: units on hand when the week began and received in it (at the store's own
-- location), and units sold and returned in it. $from, $through: the weeks that hold them, whole.
WITH weeks AS (
  SELECT DISTINCT week_start FROM dim_date WHERE business_date BETWEEN $from AND $through),
sales AS (
  SELECT d.week_start, m.store_id, m.sku, sum(m.units_sold) AS sold, sum(m.units_returned) AS returned
  FROM mart_daily_sales m JOIN dim_date d ON d.business_date = m.business_date
  WHERE d.week_start IN (SELECT week_start FROM weeks)
  GROUP BY d.week_start, m.store_id, m.sku),
received AS (
  SELECT d.week_start, i.location AS store_id, i.sku, sum(i.received) AS received
  FROM mart_daily_inventory i JOIN dim_date d ON d.business_date = i.business_date
  WHERE d.week_start IN (SELECT week_start FROM weeks)
  GROUP BY d.week_start, i.location, i.sku),
keys AS (
  SELECT week_start, store_id, sku FROM sales UNION SELECT week_start, store_id, sku FROM received),
-- The levels that matter: the last one each SKU-location had before the first week, and every one it had in the weeks.
levels AS (
  SELECT sku, location, max(business_date) AS business_date, arg_max(closing_on_hand, business_date) AS closing_on_hand
  FROM mart_daily_inventory WHERE business_date < (SELECT min(week_start) FROM weeks)
  GROUP BY sku, location
  UNION ALL
  SELECT sku, location, business_date, closing_on_hand
  FROM mart_daily_inventory
  WHERE business_date >= (SELECT min(week_start) FROM weeks) AND business_date < (SELECT max(week_start) + 7 FROM weeks)),
-- The level a week opens and closes with: the last day the SKU's stock moved there before the week, and before the next.
opening AS (
  SELECT k.week_start, k.store_id, k.sku, coalesce(i.closing_on_hand, 0) AS on_hand
  FROM keys k ASOF LEFT JOIN levels i ON i.sku = k.sku AND i.location = k.store_id AND k.week_start > i.business_date),
closing AS (
  SELECT k.week_start, k.store_id, k.sku, coalesce(i.closing_on_hand, 0) AS on_hand
  FROM keys k ASOF LEFT JOIN levels i ON i.sku = k.sku AND i.location = k.store_id AND k.week_start + 7 > i.business_date)
SELECT k.week_start, k.store_id, k.sku, p.category,
       o.on_hand AS opening_on_hand, coalesce(r.received, 0) AS received,
       coalesce(s.sold, 0) AS sold, coalesce(s.returned, 0) AS returned, c.on_hand AS closing_on_hand
FROM keys k
JOIN dim_product p ON p.sku = k.sku
JOIN opening o ON o.week_start = k.week_start AND o.store_id = k.store_id AND o.sku = k.sku
JOIN closing c ON c.week_start = k.week_start AND c.store_id = k.store_id AND c.sku = k.sku
LEFT JOIN sales s ON s.week_start = k.week_start AND s.store_id = k.store_id AND s.sku = k.sku
LEFT JOIN received r ON r.week_start = k.week_start AND r.store_id = k.store_id AND r.sku = k.sku
WHERE ($stores IS NULL OR list_contains($stores, k.store_id))
  AND ($categories IS NULL OR list_contains($categories, p.category))
ORDER BY k.week_start, k.store_id, k.sku
