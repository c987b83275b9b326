-- What each loyalty member bought and returned per business day, for scoring against the other members' days: orders,
-- spend, orders paid from gift cards, different gift cards, gift-card spend, returns and their refunds. Evidence: the
-- day's orders paid from gift cards, and its returns.
WITH sales AS (
  SELECT x.seq, x.store_id, x.customer_id, x.business_date, x.total,
         sum(t.amount) FILTER (WHERE t.kind = 'gift_card') AS gift_spend, list(DISTINCT t.reference) FILTER (WHERE t.kind = 'gift_card') AS gift_cards
  FROM fact_transactions x JOIN fact_tenders t ON t.seq = x.seq
  WHERE x.kind = 'sale' AND x.customer_id IS NOT NULL AND x.business_date BETWEEN $from AND $through GROUP BY ALL),
per_day AS (
  SELECT customer_id, business_date, min(store_id) AS store_id, count(*) AS orders, sum(total) AS spend,
         count(*) FILTER (WHERE gift_spend > 0) AS gift_orders, list_distinct(flatten(list(coalesce(gift_cards, [])))) AS cards,
         coalesce(sum(gift_spend), 0) AS gift_spend, list(seq ORDER BY seq) FILTER (WHERE gift_spend > 0) AS seqs
  FROM sales GROUP BY ALL),
returns AS (
  SELECT customer_id, business_date, count(*) AS returns, sum(total) AS refunded, list(seq ORDER BY seq) AS seqs
  FROM fact_transactions WHERE kind = 'return' AND customer_id IS NOT NULL AND business_date BETWEEN $from AND $through GROUP BY ALL)
SELECT coalesce(d.store_id, '') AS store_id, 'customer' AS subject_kind, d.customer_id AS subject, d.business_date,
       [d.orders, d.spend, d.gift_orders, len(d.cards), d.gift_spend, coalesce(r.returns, 0), coalesce(r.refunded, 0)]::DOUBLE[] AS features,
       list_concat(coalesce(d.seqs, []), coalesce(r.seqs, [])) AS evidence
FROM per_day d LEFT JOIN returns r USING (customer_id, business_date)
