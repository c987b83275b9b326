-- Returns per channel and reason, each counted in the period of the sale it returns (a return without receipt in its
-- own), beside the units and gross sales of that channel's sales in the period: rate by units = returned ÷ sold, by
-- value = returned value ÷ gross sales, a returned unit valued at its sale line's unit price.
WITH sold AS (
  SELECT l.channel, sum(l.quantity) AS units, sum(l.gross) AS gross
  FROM fact_sale_lines l JOIN dim_product p ON p.sku = l.sku
  WHERE l.business_date BETWEEN $from AND $through AND NOT l.is_gift_card
    AND ($stores IS NULL OR list_contains($stores, l.store_id))
    AND ($channels IS NULL OR list_contains($channels, l.channel))
    AND ($categories IS NULL OR list_contains($categories, p.category))
  GROUP BY l.channel),
returned AS (
  SELECT coalesce(s.channel, r.channel) AS channel, r.reason, sum(r.quantity) AS units,
         sum(CASE WHEN s.transaction_id IS NULL THEN r.refund_amount
                  ELSE CAST(s.gross * r.quantity / s.quantity AS DECIMAL(18,4)) END) AS value
  FROM fact_return_lines r
  JOIN dim_product p ON p.sku = r.sku
  LEFT JOIN mart_returned_sale_skus s ON s.transaction_id = r.original_transaction_id AND s.sku = r.sku
  WHERE coalesce(s.business_date, r.business_date) BETWEEN $from AND $through AND NOT p.is_gift_card
    AND ($stores IS NULL OR list_contains($stores, coalesce(s.store_id, r.store_id)))
    AND ($channels IS NULL OR list_contains($channels, coalesce(s.channel, r.channel)))
    AND ($categories IS NULL OR list_contains($categories, p.category))
  GROUP BY coalesce(s.channel, r.channel), r.reason)
SELECT r.channel, r.reason, r.units AS returned_units, r.value AS returned_value,
       coalesce(s.units, 0) AS sold_units, coalesce(s.gross, 0) AS gross_sales
FROM returned r LEFT JOIN sold s ON s.channel = r.channel
ORDER BY r.channel, r.reason
