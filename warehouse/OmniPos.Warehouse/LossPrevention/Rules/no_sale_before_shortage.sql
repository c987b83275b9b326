-- No-sales before a cash shortage: a till shift that counted short by at least $min_shortage after at least
-- $min_no_sales drawer openings without a sale. Measure: the no-sales; exposure: the shortage.
WITH shifts AS (
.read Queries/Sql/till_shifts.sql
),
short AS (
  SELECT s.*, s.opening_float + s.cash_taken - s.change_given - s.cash_refunds + s.paid_in - s.paid_out - s.drops - s.counted AS shortage
  FROM shifts s WHERE s.counted IS NOT NULL),
opened AS (
  SELECT s.store_id, s.device_id, s.business_date, s.employee_id, s.shortage, s.closed_at, count(e.seq) AS no_sales, list(e.seq ORDER BY e.seq) AS seqs
  FROM short s
  JOIN fact_device_events e ON e.device_id = s.device_id AND e.kind = 'no_sale' AND e.occurred_at BETWEEN s.opened_at AND s.closed_at
  WHERE s.shortage >= $min_shortage
  GROUP BY ALL
  HAVING count(e.seq) >= $min_no_sales)
SELECT o.store_id, 'employee' AS subject_kind, coalesce(o.employee_id, '') AS subject, o.business_date,
       o.no_sales::DOUBLE AS measure, o.shortage AS exposure, o.shortage AS context_amount, list_append(o.seqs, c.seq) AS evidence
FROM opened o
JOIN fact_device_events c ON c.device_id = o.device_id AND c.kind = 'till_close' AND c.occurred_at = o.closed_at
