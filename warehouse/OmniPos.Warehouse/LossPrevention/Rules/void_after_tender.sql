-- Void after tender: a sale paid in cash and voided afterwards, the cash no longer owed to the drawer. At least
-- $min_amount. Measure: minutes from the sale to its void; exposure: the sale's total.
SELECT x.store_id, 'employee' AS subject_kind, coalesce(v.employee_id, x.employee_id, '') AS subject, v.business_date,
       (epoch(v.occurred_at) - epoch(x.occurred_at)) / 60.0 AS measure, x.total AS exposure, x.total AS context_amount, [x.seq, v.seq] AS evidence
FROM fact_device_events v
JOIN fact_transactions x ON x.store_id = v.store_id AND x.transaction_id = v.transaction_id AND x.kind = 'sale'
WHERE v.kind = 'transaction_void' AND v.business_date BETWEEN $from AND $through AND v.occurred_at >= x.occurred_at
  AND x.total >= $min_amount
  AND EXISTS (SELECT 1 FROM fact_tenders t WHERE t.seq = x.seq AND t.kind = 'cash')
