-- What each employee did at the registers per business day, for scoring against the store's other employee-days:
-- transactions rung, line voids per transaction, transaction voids, no-sales, price overrides, manual discounts,
-- returns without receipt, cash refunded without receipt, and the cash short at their till's close. Evidence: the
-- exception events of the day.
WITH rung AS (
  SELECT store_id, employee_id, business_date, count(*) AS transactions
  FROM fact_transactions WHERE kind = 'sale' AND employee_id IS NOT NULL AND business_date BETWEEN $from AND $through GROUP BY ALL),
exceptions AS (
  SELECT store_id, employee_id, business_date,
         count(*) FILTER (WHERE kind = 'line_void') AS line_voids,
         count(*) FILTER (WHERE kind = 'transaction_void') AS transaction_voids,
         count(*) FILTER (WHERE kind = 'no_sale') AS no_sales,
         count(*) FILTER (WHERE kind = 'price_override') AS price_overrides,
         count(*) FILTER (WHERE kind = 'manual_discount') AS manual_discounts,
         list(seq ORDER BY seq) FILTER (WHERE kind IN ('line_void', 'transaction_void', 'no_sale', 'price_override', 'manual_discount')) AS seqs
  FROM fact_device_events WHERE employee_id IS NOT NULL AND business_date BETWEEN $from AND $through GROUP BY ALL),
refunds AS (
  SELECT x.store_id, x.employee_id, x.business_date, count(DISTINCT x.seq) AS no_receipt_returns,
         coalesce(sum(r.amount) FILTER (WHERE r.kind = 'cash'), 0) AS cash_refunded, list(DISTINCT x.seq) AS seqs
  FROM fact_transactions x JOIN fact_refunds r ON r.seq = x.seq
  WHERE x.kind = 'return' AND x.original_transaction_id IS NULL AND x.employee_id IS NOT NULL AND x.business_date BETWEEN $from AND $through
  GROUP BY ALL),
shifts AS (
.read Queries/Sql/till_shifts.sql
),
short AS (
  SELECT store_id, employee_id, business_date,
         sum(greatest(opening_float + cash_taken - change_given - cash_refunds + paid_in - paid_out - drops - counted, 0)) AS cash_short
  FROM shifts WHERE counted IS NOT NULL AND employee_id IS NOT NULL GROUP BY ALL)
SELECT r.store_id, 'employee' AS subject_kind, r.employee_id AS subject, r.business_date,
       [r.transactions, coalesce(e.line_voids, 0) / r.transactions, coalesce(e.transaction_voids, 0), coalesce(e.no_sales, 0),
        coalesce(e.price_overrides, 0), coalesce(e.manual_discounts, 0), coalesce(f.no_receipt_returns, 0), coalesce(f.cash_refunded, 0),
        coalesce(s.cash_short, 0)]::DOUBLE[] AS features,
       list_concat(coalesce(e.seqs, []), coalesce(f.seqs, [])) AS evidence
FROM rung r
LEFT JOIN exceptions e USING (store_id, employee_id, business_date)
LEFT JOIN refunds f USING (store_id, employee_id, business_date)
LEFT JOIN short s USING (store_id, employee_id, business_date)
