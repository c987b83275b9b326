-- Per promotion: the sale lines it discounted in the period, their units, gross and net sales, cost and margin, and
-- what the promotion itself took off (a line may carry more than one discount).
WITH lines AS (
  SELECT DISTINCT d.promotion_id, d.seq, d.line_no FROM fact_line_discounts d WHERE d.promotion_id IS NOT NULL),
promo_discount AS (
  SELECT d.promotion_id, sum(d.amount) AS discount
  FROM fact_line_discounts d JOIN fact_sale_lines l ON l.seq = d.seq AND l.line_no = d.line_no
  JOIN dim_product p ON p.sku = l.sku
  WHERE d.promotion_id IS NOT NULL AND l.business_date BETWEEN $from AND $through
    AND ($stores IS NULL OR list_contains($stores, l.store_id))
    AND ($channels IS NULL OR list_contains($channels, l.channel))
    AND ($categories IS NULL OR list_contains($categories, p.category))
  GROUP BY d.promotion_id)
SELECT x.promotion_id, pr.name, pr.starts_on, pr.ends_on,
       count(DISTINCT l.transaction_id) AS orders, sum(l.quantity) AS units, sum(l.gross) AS gross,
       max(pd.discount) AS promotion_discount, sum(l.net_sales) AS net_sales, sum(l.cost) AS cost
FROM lines x
JOIN fact_sale_lines l ON l.seq = x.seq AND l.line_no = x.line_no
JOIN dim_product p ON p.sku = l.sku
JOIN promo_discount pd ON pd.promotion_id = x.promotion_id
LEFT JOIN dim_promotion pr ON pr.promotion_id = x.promotion_id
WHERE l.business_date BETWEEN $from AND $through
  AND ($stores IS NULL OR list_contains($stores, l.store_id))
  AND ($channels IS NULL OR list_contains($channels, l.channel))
  AND ($categories IS NULL OR list_contains($categories, p.category))
GROUP BY x.promotion_id, pr.name, pr.starts_on, pr.ends_on
ORDER BY x.promotion_id
