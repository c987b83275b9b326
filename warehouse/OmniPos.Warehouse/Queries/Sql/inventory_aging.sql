-- Units on hand at the end of $as_of per location, category and age bucket, at cost: FIFO over receipt lots, each
-- outgoing unit taking the oldest lot first; stock oversold below zero is carried until receipts refill it. What went
-- out of a location through $as_of is what its lots added less what is on hand, so a lot still holds the units of its
-- running total past that, up to its own.
WITH stock AS (
  SELECT sku, location, closing_added - closing_on_hand AS taken
  FROM mart_daily_inventory
  WHERE business_date <= $as_of AND (next_date IS NULL OR next_date > $as_of) AND closing_on_hand > 0),
remaining AS (
  SELECT l.sku, l.location, $as_of - l.lot_date AS age_days, l.unit_cost, least(l.units, l.units_through - s.taken) AS units
  FROM mart_receipt_lots l JOIN stock s ON s.sku = l.sku AND s.location = l.location
  WHERE l.lot_date <= $as_of AND l.units_through > s.taken)
SELECT r.location, p.category,
       CASE WHEN r.age_days <= 30 THEN '0-30' WHEN r.age_days <= 60 THEN '31-60' WHEN r.age_days <= 90 THEN '61-90'
            WHEN r.age_days <= 180 THEN '91-180' WHEN r.age_days <= 365 THEN '181-365' ELSE '365+' END AS bucket,
       sum(r.units) AS units, sum(r.units * coalesce(r.unit_cost, p.unit_cost)) AS value_at_cost
FROM remaining r JOIN dim_product p ON p.sku = r.sku
WHERE ($stores IS NULL OR list_contains($stores, r.location))
  AND ($categories IS NULL OR list_contains($categories, p.category))
GROUP BY r.location, p.category, bucket
ORDER BY r.location, p.category, min(r.age_days)
