-- Units on hand at the end of $as_of per location, category and age bucket, at cost: FIFO over receipt lots, each
-- outgoing unit taking the oldest lot first; stock oversold below zero is carried until receipts refill it.
WITH lots AS (
  SELECT l.*, sum(l.units) OVER (PARTITION BY l.sku, l.location ORDER BY l.lot_date, l.seq ROWS UNBOUNDED PRECEDING) AS through_lot
  FROM receipt_lots l WHERE l.lot_date <= $as_of),
taken AS (
  SELECT sku, location, -sum(on_hand_change) AS units
  FROM fact_inventory_movements WHERE on_hand_change < 0 AND business_date <= $as_of
  GROUP BY sku, location),
remaining AS (
  SELECT l.sku, l.location, $as_of - l.lot_date AS age_days, l.unit_cost,
         greatest(0, least(l.units, l.through_lot - coalesce(t.units, 0))) AS units
  FROM lots l LEFT JOIN taken t ON t.sku = l.sku AND t.location = l.location)
SELECT r.location, p.category,
       CASE WHEN r.age_days <= 30 THEN '0-30' WHEN r.age_days <= 60 THEN '31-60' WHEN r.age_days <= 90 THEN '61-90'
            WHEN r.age_days <= 180 THEN '91-180' WHEN r.age_days <= 365 THEN '181-365' ELSE '365+' END AS bucket,
       sum(r.units) AS units, sum(r.units * r.unit_cost) AS value_at_cost
FROM remaining r JOIN dim_product p ON p.sku = r.sku
WHERE r.units > 0
  AND ($stores IS NULL OR list_contains($stores, r.location))
  AND ($categories IS NULL OR list_contains($categories, p.category))
GROUP BY r.location, p.category, bucket
ORDER BY r.location, p.category, min(r.age_days)
