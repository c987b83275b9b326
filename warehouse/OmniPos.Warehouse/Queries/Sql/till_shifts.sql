-- Cash per till shift (DESIGN.md §5): a shift runs on one device from a till_open (its amount the float counted at
-- open) to the next till_close (the cash counted at close); the device's cash sales, change, cash refunds, paid-ins,
-- paid-outs and drops between them make the expected cash. $from, $through: the business day the shift opened.
WITH opens AS (
  SELECT e.store_id, e.device_id, e.business_date, e.occurred_at AS opened_at, e.employee_id, e.amount AS opening_count, e.seq
  FROM fact_device_events e
  WHERE e.kind = 'till_open' AND e.business_date BETWEEN $from AND $through
    AND ($stores IS NULL OR list_contains($stores, e.store_id))),
closed AS (
  SELECT o.*, c.occurred_at AS closed_at, c.amount AS closing_count
  FROM opens o ASOF LEFT JOIN fact_device_events c ON c.device_id = o.device_id AND c.kind = 'till_close' AND o.opened_at <= c.occurred_at),
shifts AS (
  SELECT s.*, p.amount AS previous_close
  FROM closed s ASOF LEFT JOIN fact_device_events p ON p.device_id = s.device_id AND p.kind = 'till_close' AND s.opened_at > p.occurred_at),
-- What moved cash in or out of a device's till from the period's first day on, beside the opens from then on.
till_cash AS (
  SELECT x.device_id, x.occurred_at, 0 AS is_open, CAST(NULL AS BIGINT) AS shift_seq, t.amount AS cash_taken, t.change_given, 0 AS cash_refunds,
         0 AS paid_in, 0 AS paid_out, 0 AS drops
  FROM fact_transactions x JOIN fact_tenders t ON t.seq = x.seq
  WHERE x.kind = 'sale' AND t.kind = 'cash' AND x.business_date >= $from AND t.business_date >= $from
  UNION ALL
  SELECT x.device_id, x.occurred_at, 0, NULL, 0, 0, r.amount, 0, 0, 0
  FROM fact_transactions x JOIN fact_refunds r ON r.seq = x.seq
  WHERE x.kind = 'return' AND r.kind = 'cash' AND x.business_date >= $from AND r.business_date >= $from
  UNION ALL
  SELECT device_id, occurred_at, 0, NULL, 0, 0, 0,
         CASE WHEN kind = 'till_paid_in' THEN amount ELSE 0 END, CASE WHEN kind = 'till_paid_out' THEN amount ELSE 0 END,
         CASE WHEN kind = 'till_drop' THEN amount ELSE 0 END
  FROM fact_device_events
  WHERE kind IN ('till_paid_in', 'till_paid_out', 'till_drop') AND business_date >= $from
  UNION ALL
  SELECT device_id, occurred_at, 1, seq, 0, 0, 0, 0, 0, 0
  FROM fact_device_events WHERE kind = 'till_open' AND business_date >= $from),
-- Each movement belongs to the device's latest open at or before it (an open comes before what happens at its instant),
-- whether or not that open is in the period, so a shift's figures do not depend on where the period ends.
numbered AS (
  SELECT c.*, sum(c.is_open) OVER (PARTITION BY c.device_id ORDER BY c.occurred_at, c.is_open DESC ROWS UNBOUNDED PRECEDING) AS open_no
  FROM till_cash c),
per_shift AS (
  SELECT o.shift_seq, sum(c.cash_taken) AS cash_taken, sum(c.change_given) AS change_given, sum(c.cash_refunds) AS cash_refunds,
         sum(c.paid_in) AS paid_in, sum(c.paid_out) AS paid_out, sum(c.drops) AS drops
  FROM numbered c
  JOIN numbered o ON o.device_id = c.device_id AND o.open_no = c.open_no AND o.is_open = 1
  JOIN shifts s ON s.seq = o.shift_seq
  WHERE c.is_open = 0 AND (s.closed_at IS NULL OR c.occurred_at <= s.closed_at)
  GROUP BY o.shift_seq)
SELECT s.store_id, s.device_id, s.business_date, s.opened_at, s.closed_at, s.employee_id,
       coalesce(s.opening_count, 0) AS opening_float, coalesce(c.cash_taken, 0) AS cash_taken,
       coalesce(c.change_given, 0) AS change_given, coalesce(c.cash_refunds, 0) AS cash_refunds,
       coalesce(c.paid_in, 0) AS paid_in, coalesce(c.paid_out, 0) AS paid_out, coalesce(c.drops, 0) AS drops,
       s.closing_count AS counted, s.previous_close
FROM shifts s
LEFT JOIN per_shift c ON c.shift_seq = s.seq
ORDER BY s.store_id, s.device_id, s.opened_at
