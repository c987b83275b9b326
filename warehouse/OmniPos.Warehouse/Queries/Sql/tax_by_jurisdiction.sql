-- Tax charged per store, business day and jurisdiction.
-- A transaction is landed from one event, whose seq all its rows carry: counting seqs counts transactions.
SELECT t.store_id, t.business_date, t.jurisdiction, sum(t.amount) AS tax, count(DISTINCT t.seq) AS transactions
FROM fact_line_taxes t
WHERE t.business_date BETWEEN $from AND $through
  AND ($stores IS NULL OR list_contains($stores, t.store_id))
GROUP BY t.store_id, t.business_date, t.jurisdiction
ORDER BY 1, 2, 3
