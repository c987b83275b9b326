-- Cash per till shift (DESIGN.md §5): a shift runs on one device from a till_open (its amount the float counted at
-- open) to the next till_close (the cash counted at close); the device's cash sales, change, cash refunds, paid-ins,
-- paid-outs and drops between them make the expected cash. $from, $through: the business day the shift opened.
WITH opens AS (
  SELECT e.store_id, e.device_id, e.business_date, e.occurred_at AS opened_at, e.employee_id, e.amount AS opening_count, e.seq,
         (SELECT min(c.occurred_at) FROM fact_device_events c
          WHERE c.device_id = e.device_id AND c.kind = 'till_close' AND c.occurred_at >= e.occurred_at) AS closed_at
  FROM fact_device_events e
  WHERE e.kind = 'till_open' AND e.business_date BETWEEN $from AND $through
    AND ($stores IS NULL OR list_contains($stores, e.store_id))),
shifts AS (
  SELECT o.*,
         (SELECT c.amount FROM fact_device_events c
          WHERE c.device_id = o.device_id AND c.kind = 'till_close' AND c.occurred_at = o.closed_at ORDER BY c.seq LIMIT 1) AS closing_count,
         (SELECT c.amount FROM fact_device_events c
          WHERE c.device_id = o.device_id AND c.kind = 'till_close' AND c.occurred_at < o.opened_at
          ORDER BY c.occurred_at DESC LIMIT 1) AS previous_close
  FROM opens o),
sales AS (
  SELECT s.seq AS shift_seq, sum(t.amount) AS cash_taken, sum(t.change_given) AS change_given
  FROM shifts s
  JOIN fact_transactions x ON x.device_id = s.device_id AND x.kind = 'sale' AND x.occurred_at >= s.opened_at
                          AND (s.closed_at IS NULL OR x.occurred_at <= s.closed_at)
  JOIN fact_tenders t ON t.seq = x.seq AND t.kind = 'cash'
  GROUP BY s.seq),
refunds AS (
  SELECT s.seq AS shift_seq, sum(r.amount) AS cash_refunds
  FROM shifts s
  JOIN fact_transactions x ON x.device_id = s.device_id AND x.kind = 'return' AND x.occurred_at >= s.opened_at
                          AND (s.closed_at IS NULL OR x.occurred_at <= s.closed_at)
  JOIN fact_refunds r ON r.seq = x.seq AND r.kind = 'cash'
  GROUP BY s.seq),
till AS (
  SELECT s.seq AS shift_seq,
         coalesce(sum(e.amount) FILTER (WHERE e.kind = 'till_paid_in'), 0) AS paid_in,
         coalesce(sum(e.amount) FILTER (WHERE e.kind = 'till_paid_out'), 0) AS paid_out,
         coalesce(sum(e.amount) FILTER (WHERE e.kind = 'till_drop'), 0) AS drops
  FROM shifts s
  JOIN fact_device_events e ON e.device_id = s.device_id AND e.kind IN ('till_paid_in', 'till_paid_out', 'till_drop')
                           AND e.occurred_at >= s.opened_at AND (s.closed_at IS NULL OR e.occurred_at <= s.closed_at)
  GROUP BY s.seq)
SELECT s.store_id, s.device_id, s.business_date, s.opened_at, s.closed_at, s.employee_id,
       coalesce(s.opening_count, 0) AS opening_float, coalesce(sa.cash_taken, 0) AS cash_taken,
       coalesce(sa.change_given, 0) AS change_given, coalesce(r.cash_refunds, 0) AS cash_refunds,
       coalesce(t.paid_in, 0) AS paid_in, coalesce(t.paid_out, 0) AS paid_out, coalesce(t.drops, 0) AS drops,
       s.closing_count AS counted, s.previous_close
FROM shifts s
LEFT JOIN sales sa ON sa.shift_seq = s.seq
LEFT JOIN refunds r ON r.shift_seq = s.seq
LEFT JOIN till t ON t.shift_seq = s.seq
ORDER BY s.store_id, s.device_id, s.opened_at
