-- Per ISO week (Monday first) and store, and per SKU, category or the whole store ($level: 'sku', 'category', 'store'):
-- units on hand when the week began and when it ended and received in it (at the store's own location), and units sold
-- and returned in it (mart_weekly_sell_through); a category or store sums its SKUs that sold or moved stock there that
-- week. $from, $through: the weeks that hold them, whole.
SELECT w.week_start, w.store_id,
       CASE WHEN $level <> 'store' THEN p.category END AS category, CASE WHEN $level = 'sku' THEN w.sku END AS sku,
       sum(w.opening_on_hand) AS opening_on_hand, sum(w.received) AS received, sum(w.sold) AS sold, sum(w.returned) AS returned,
       sum(w.closing_on_hand) AS closing_on_hand
FROM mart_weekly_sell_through w JOIN dim_product p ON p.sku = w.sku
WHERE w.week_start BETWEEN date_trunc('week', $from)::DATE AND date_trunc('week', $through)::DATE
  AND ($stores IS NULL OR list_contains($stores, w.store_id))
  AND ($categories IS NULL OR list_contains($categories, p.category))
GROUP BY 1, 2, 3, 4
ORDER BY 1, 2, 4, 3
