-- Per calendar month of the business day and customer country (as the order states it; '' when it states none):
-- net sales, units and orders of the sales, and units and refunds of the returns dated in that month. Gift cards are
-- not sales and are left out.
-- A transaction is landed from one event, whose seq all its rows carry: counting seqs counts transactions.
WITH sold AS (
  SELECT date_trunc('month', l.business_date)::DATE AS month, coalesce(l.customer_country, '') AS country,
         sum(l.net_sales) AS net_sales, sum(l.quantity) AS units, count(DISTINCT l.seq) AS orders
  FROM fact_sale_lines l JOIN dim_product p ON p.sku = l.sku
  WHERE l.business_date BETWEEN $from AND $through AND NOT l.is_gift_card
    AND ($stores IS NULL OR list_contains($stores, l.store_id))
    AND ($channels IS NULL OR list_contains($channels, l.channel))
    AND ($categories IS NULL OR list_contains($categories, p.category))
  GROUP BY 1, 2),
returned AS (
  SELECT date_trunc('month', r.business_date)::DATE AS month, coalesce(r.customer_country, '') AS country,
         sum(r.quantity) AS units, sum(r.refund_amount) AS refunded
  FROM fact_return_lines r JOIN dim_product p ON p.sku = r.sku
  WHERE r.business_date BETWEEN $from AND $through AND NOT p.is_gift_card
    AND ($stores IS NULL OR list_contains($stores, r.store_id))
    AND ($channels IS NULL OR list_contains($channels, r.channel))
    AND ($categories IS NULL OR list_contains($categories, p.category))
  GROUP BY 1, 2)
SELECT coalesce(s.month, r.month) AS month, coalesce(s.country, r.country) AS country,
       coalesce(s.net_sales, 0) AS net_sales, coalesce(s.units, 0) AS units, coalesce(s.orders, 0) AS orders,
       coalesce(r.units, 0) AS returned_units, coalesce(r.refunded, 0) AS refunded
FROM sold s FULL OUTER JOIN returned r ON r.month = s.month AND r.country = s.country
ORDER BY 1, 2
