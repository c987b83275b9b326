-- Card testing: a burst of guest orders on one online device, each paid by card not present, no more than
-- $max_gap_seconds apart, with at least $min_cards different cards and small orders (the median at most $max_median_order):
-- someone trying which stolen cards work. Measure: the cards; exposure: what the burst charged; context: the median order.
WITH orders AS (
  SELECT x.seq, x.store_id, x.device_id, x.business_date, x.occurred_at, x.total, t.card_token
  FROM fact_transactions x JOIN fact_tenders t ON t.seq = x.seq
  WHERE x.kind = 'sale' AND x.customer_id IS NULL AND t.kind = 'card_not_present' AND x.business_date BETWEEN $from AND $through),
gaps AS (
  SELECT *, epoch(occurred_at) - epoch(lag(occurred_at) OVER (PARTITION BY device_id ORDER BY occurred_at, seq)) AS gap FROM orders),
runs AS (
  SELECT *, sum(CASE WHEN gap IS NULL OR gap > $max_gap_seconds THEN 1 ELSE 0 END) OVER (PARTITION BY device_id ORDER BY occurred_at, seq) AS run_no
  FROM gaps)
SELECT store_id, 'device' AS subject_kind, device_id AS subject, min(business_date) AS business_date,
       count(DISTINCT card_token)::DOUBLE AS measure, sum(total) AS exposure, CAST(median(total) AS DECIMAL(18,4)) AS context_amount, list(seq ORDER BY seq) AS evidence
FROM runs
GROUP BY store_id, device_id, run_no
HAVING count(DISTINCT card_token) >= $min_cards AND median(total) <= $max_median_order
