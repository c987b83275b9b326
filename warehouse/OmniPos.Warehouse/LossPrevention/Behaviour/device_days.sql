-- What each online device took per business day, for scoring against the chain's other online device-days: orders,
-- guest orders, different cards, the smallest median order over an hour, and the most guest orders in one hour.
-- Evidence: the guest orders of its busiest hour.
WITH orders AS (
  SELECT x.seq, x.store_id, x.device_id, x.business_date, x.occurred_at, x.total, x.customer_id, t.card_token
  FROM fact_transactions x LEFT JOIN fact_tenders t ON t.seq = x.seq AND t.tender_no = 1
  WHERE x.kind = 'sale' AND x.channel IN ('web', 'marketplace') AND x.business_date BETWEEN $from AND $through),
hours AS (
  SELECT store_id, device_id, business_date, date_trunc('hour', occurred_at) AS hour, count(*) AS guest_orders,
         median(total) AS median_order, list(seq ORDER BY seq) AS seqs
  FROM orders WHERE customer_id IS NULL GROUP BY ALL),
busiest AS (
  SELECT store_id, device_id, business_date, max(guest_orders) AS most_in_hour, min(median_order) AS lowest_median,
         arg_max(seqs, guest_orders) AS seqs
  FROM hours GROUP BY ALL)
SELECT o.store_id, 'device' AS subject_kind, o.device_id AS subject, o.business_date,
       [count(*), count(*) FILTER (WHERE o.customer_id IS NULL), count(DISTINCT o.card_token), coalesce(b.lowest_median, 0),
        coalesce(b.most_in_hour, 0)]::DOUBLE[] AS features,
       coalesce(b.seqs, []) AS evidence
FROM orders o LEFT JOIN busiest b USING (store_id, device_id, business_date)
GROUP BY o.store_id, o.device_id, o.business_date, b.lowest_median, b.most_in_hour, b.seqs
