-- Price override abuse: prices keyed down far under the shelf price (the store's latest price change before the sale, else
-- the list price). Per transaction, the share of its shelf value the overrides took off, at least $min_depth.
-- Measure: that share; exposure: the money taken off.
WITH overrides AS (
  SELECT e.seq, e.store_id, e.transaction_id, l.sku, l.quantity, l.unit_price, l.occurred_at
  FROM fact_device_events e
  JOIN fact_sale_lines l ON l.store_id = e.store_id AND l.transaction_id = e.transaction_id AND l.line_no = e.line_no
  WHERE e.kind = 'price_override' AND e.business_date BETWEEN $from AND $through),
priced AS (
  SELECT o.*, coalesce(c.unit_price, p.unit_price) AS shelf_price
  FROM overrides o
  JOIN dim_product p ON p.sku = o.sku
  ASOF LEFT JOIN fact_price_changes c ON c.store_id = o.store_id AND c.sku = o.sku AND c.occurred_at <= o.occurred_at),
per_sale AS (
  SELECT store_id, transaction_id, sum(greatest(shelf_price - unit_price, 0) * quantity) AS taken_off,
         sum(shelf_price * quantity) AS shelf_value, list(seq ORDER BY seq) AS seqs
  FROM priced GROUP BY store_id, transaction_id)
SELECT x.store_id, 'employee' AS subject_kind, coalesce(x.employee_id, '') AS subject, x.business_date,
       (s.taken_off / s.shelf_value)::DOUBLE AS measure, s.taken_off AS exposure, x.total AS context_amount, list_prepend(x.seq, s.seqs) AS evidence
FROM per_sale s
JOIN fact_transactions x ON x.store_id = s.store_id AND x.transaction_id = s.transaction_id AND x.kind = 'sale'
WHERE s.shelf_value > 0 AND s.taken_off / s.shelf_value >= $min_depth
