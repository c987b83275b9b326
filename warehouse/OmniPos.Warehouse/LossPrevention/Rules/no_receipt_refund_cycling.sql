-- No-receipt refund cycling: refunds paid out in cash for goods brought back without a receipt, each at least $min_amount,
-- by an employee with at least $min_refunds of them in the $window_days days up to it. Measure: that count; exposure:
-- the cash refunded.
WITH refunds AS (
  SELECT x.seq, x.store_id, x.employee_id, x.business_date, x.occurred_at, sum(r.amount) AS cash
  FROM fact_transactions x JOIN fact_refunds r ON r.seq = x.seq
  WHERE x.kind = 'return' AND x.original_transaction_id IS NULL AND x.employee_id IS NOT NULL AND r.kind = 'cash'
    AND x.business_date BETWEEN $from - to_days($window_days) AND $through
  GROUP BY ALL
  HAVING sum(r.amount) >= $min_amount),
counted AS (
  SELECT *, count(*) OVER (PARTITION BY store_id, employee_id ORDER BY occurred_at
                           RANGE BETWEEN to_days($window_days) PRECEDING AND CURRENT ROW) AS in_window
  FROM refunds)
SELECT store_id, 'employee' AS subject_kind, employee_id AS subject, business_date, in_window::DOUBLE AS measure, cash AS exposure,
       cash AS context_amount, [seq] AS evidence
FROM counted
WHERE business_date BETWEEN $from AND $through AND in_window >= $min_refunds
