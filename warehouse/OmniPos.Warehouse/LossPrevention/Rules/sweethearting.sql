-- Sweethearting: a sale rung short for someone the cashier knows. Lines scanned and voided on a sale that was then
-- tendered, at least $min_voids of them on one transaction. Measure: the lines voided; exposure unknown from the events
-- (a void does not say what it took off), so the amount rung up stands beside it.
WITH voids AS (
  SELECT store_id, transaction_id, count(*) AS voided, list(seq ORDER BY seq) AS seqs
  FROM fact_device_events
  WHERE kind = 'line_void' AND transaction_id IS NOT NULL AND business_date BETWEEN $from AND $through
  GROUP BY store_id, transaction_id
  HAVING count(*) >= $min_voids)
SELECT x.store_id, 'employee' AS subject_kind, coalesce(x.employee_id, '') AS subject, x.business_date,
       v.voided::DOUBLE AS measure, CAST(0 AS DECIMAL(18,4)) AS exposure, x.total AS context_amount, list_prepend(x.seq, v.seqs) AS evidence
FROM voids v
JOIN fact_transactions x ON x.store_id = v.store_id AND x.transaction_id = v.transaction_id AND x.kind = 'sale'
