-- Per promotion: the sale lines it discounted in the period, their units, gross and net sales, cost and margin, and
-- what the promotion itself took off (a line may carry more than one discount).
-- A transaction is landed from one event, whose seq all its rows carry: counting seqs counts transactions.
WITH promoted AS (
  SELECT d.promotion_id, d.seq, d.line_no, sum(d.amount) AS discount
  FROM fact_line_discounts d
  WHERE d.promotion_id IS NOT NULL AND d.business_date BETWEEN $from AND $through
  GROUP BY d.promotion_id, d.seq, d.line_no)
SELECT x.promotion_id, pr.name, pr.starts_on, pr.ends_on,
       count(DISTINCT l.seq) AS orders, sum(l.quantity) AS units, sum(l.gross) AS gross,
       sum(x.discount) AS promotion_discount, sum(l.net_sales) AS net_sales, sum(l.cost) AS cost
FROM promoted x
JOIN fact_sale_lines l ON l.seq = x.seq AND l.line_no = x.line_no
JOIN dim_product p ON p.sku = l.sku
LEFT JOIN dim_promotion pr ON pr.promotion_id = x.promotion_id
WHERE l.business_date BETWEEN $from AND $through
  AND ($stores IS NULL OR list_contains($stores, l.store_id))
  AND ($channels IS NULL OR list_contains($channels, l.channel))
  AND ($categories IS NULL OR list_contains($categories, p.category))
GROUP BY x.promotion_id, pr.name, pr.starts_on, pr.ends_on
ORDER BY x.promotion_id
