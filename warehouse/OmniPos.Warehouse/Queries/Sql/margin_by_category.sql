-- Gross margin per top-level category of the sales in the period, and what returns of those sales took back: returns
-- count against the period of the sale they return (DESIGN.md §5); a return without receipt counts on its own day.
-- A returned unit is valued at the net price its sale line charged for the SKU, and costs the standard cost. Gift cards
-- are money held for the customer, not sales: they are left out.
WITH sold AS (
  SELECT p.category, sum(l.net_sales) AS net_sales, sum(l.cost) AS cost
  FROM fact_sale_lines l JOIN dim_product p ON p.sku = l.sku
  WHERE l.business_date BETWEEN $from AND $through AND NOT l.is_gift_card
    AND ($stores IS NULL OR list_contains($stores, l.store_id))
    AND ($channels IS NULL OR list_contains($channels, l.channel))
    AND ($categories IS NULL OR list_contains($categories, p.category))
  GROUP BY p.category),
returned AS (
  SELECT p.category,
         sum(CASE WHEN s.transaction_id IS NULL THEN r.refund_amount
                  ELSE CAST(s.net_sales * r.quantity / s.quantity AS DECIMAL(18,4)) END) AS returned_value,
         sum(r.quantity * r.unit_cost) AS returned_cost
  FROM fact_return_lines r
  JOIN dim_product p ON p.sku = r.sku
  LEFT JOIN mart_returned_sale_skus s ON s.transaction_id = r.original_transaction_id AND s.sku = r.sku
  WHERE coalesce(s.business_date, r.business_date) BETWEEN $from AND $through AND NOT p.is_gift_card
    AND ($stores IS NULL OR list_contains($stores, coalesce(s.store_id, r.store_id)))
    AND ($channels IS NULL OR list_contains($channels, coalesce(s.channel, r.channel)))
    AND ($categories IS NULL OR list_contains($categories, p.category))
  GROUP BY p.category)
SELECT coalesce(sold.category, returned.category) AS category,
       coalesce(sold.net_sales, 0) AS net_sales, coalesce(sold.cost, 0) AS cost,
       coalesce(returned.returned_value, 0) AS returned_value, coalesce(returned.returned_cost, 0) AS returned_cost
FROM sold FULL OUTER JOIN returned ON returned.category = sold.category
ORDER BY 1
