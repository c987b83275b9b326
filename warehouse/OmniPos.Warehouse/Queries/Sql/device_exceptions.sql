-- Per store and employee: line and transaction voids, no-sales, price overrides and manual discounts (device events),
-- and returns without receipt with what they refunded, in the period.
WITH device AS (
  SELECT store_id, employee_id,
         count(*) FILTER (WHERE kind = 'line_void') AS line_voids,
         count(*) FILTER (WHERE kind = 'transaction_void') AS transaction_voids,
         count(*) FILTER (WHERE kind = 'no_sale') AS no_sales,
         count(*) FILTER (WHERE kind = 'price_override') AS price_overrides,
         count(*) FILTER (WHERE kind = 'manual_discount') AS manual_discounts
  FROM fact_device_events
  WHERE business_date BETWEEN $from AND $through AND employee_id IS NOT NULL
    AND kind IN ('line_void', 'transaction_void', 'no_sale', 'price_override', 'manual_discount')
  GROUP BY store_id, employee_id),
returns AS (
  SELECT store_id, employee_id, count(*) AS no_receipt_returns, sum(total) AS no_receipt_refunded
  FROM fact_transactions
  WHERE kind = 'return' AND original_transaction_id IS NULL AND employee_id IS NOT NULL AND business_date BETWEEN $from AND $through
  GROUP BY store_id, employee_id)
SELECT coalesce(d.store_id, r.store_id) AS store_id, coalesce(d.employee_id, r.employee_id) AS employee_id,
       coalesce(d.line_voids, 0) AS line_voids, coalesce(d.transaction_voids, 0) AS transaction_voids,
       coalesce(d.no_sales, 0) AS no_sales, coalesce(d.price_overrides, 0) AS price_overrides,
       coalesce(d.manual_discounts, 0) AS manual_discounts, coalesce(r.no_receipt_returns, 0) AS no_receipt_returns,
       coalesce(r.no_receipt_refunded, 0) AS no_receipt_refunded
FROM device d FULL OUTER JOIN returns r ON r.store_id = d.store_id AND r.employee_id = d.employee_id
WHERE ($stores IS NULL OR list_contains($stores, coalesce(d.store_id, r.store_id)))
ORDER BY 1, 2
