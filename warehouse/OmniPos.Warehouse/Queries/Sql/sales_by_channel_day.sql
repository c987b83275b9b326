-- Revenue, orders and units per business day and channel; gift-card lines are not sales (DESIGN.md §5, AOV).
-- $from, $through: business days, inclusive; $stores, $channels, $categories: lists to keep (NULL: all).
-- A transaction is landed from one event, whose seq all its rows carry: counting seqs counts transactions.
SELECT l.business_date, l.channel,
       sum(l.net_sales) AS revenue,
       sum(l.discount) AS discounts,
       sum(l.tax) AS tax,
       count(DISTINCT l.seq) AS orders,
       sum(l.quantity) AS units
FROM fact_sale_lines l JOIN dim_product p ON p.sku = l.sku
WHERE l.business_date BETWEEN $from AND $through AND NOT l.is_gift_card
  AND ($stores IS NULL OR list_contains($stores, l.store_id))
  AND ($channels IS NULL OR list_contains($channels, l.channel))
  AND ($categories IS NULL OR list_contains($categories, p.category))
GROUP BY l.business_date, l.channel
ORDER BY l.business_date, l.channel
