-- Gift-card draining: one gift card spent by one customer on at least $min_orders online orders, each within
-- $max_gap_hours of the one before. Measure: the orders; exposure: what they took off the card.
WITH spends AS (
  SELECT x.seq, x.store_id, x.business_date, x.occurred_at, x.customer_id, t.reference AS card, t.amount
  FROM fact_transactions x JOIN fact_tenders t ON t.seq = x.seq
  WHERE x.kind = 'sale' AND x.channel IN ('web', 'marketplace') AND t.kind = 'gift_card' AND t.reference IS NOT NULL AND x.customer_id IS NOT NULL
    AND x.business_date BETWEEN $from AND $through),
gaps AS (
  SELECT *, epoch(occurred_at) - epoch(lag(occurred_at) OVER (PARTITION BY card, customer_id ORDER BY occurred_at, seq)) AS gap FROM spends),
runs AS (
  SELECT *, sum(CASE WHEN gap IS NULL OR gap > $max_gap_hours * 3600 THEN 1 ELSE 0 END) OVER (PARTITION BY card, customer_id ORDER BY occurred_at, seq) AS run_no
  FROM gaps)
SELECT min(store_id) AS store_id, 'card' AS subject_kind, card AS subject, min(business_date) AS business_date,
       count(*)::DOUBLE AS measure, sum(amount) AS exposure, sum(amount) AS context_amount, list(seq ORDER BY seq) AS evidence
FROM runs
GROUP BY card, customer_id, run_no
HAVING count(*) >= $min_orders
