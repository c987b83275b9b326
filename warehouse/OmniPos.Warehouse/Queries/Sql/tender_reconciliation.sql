-- Per store and business day, over card_captures' items: the card tenders captured and what they captured, what the
-- processor settled and charged for the day's items, and how many items did not match (a tender not captured or not
-- settled, a settlement no tender matches, or a settled amount that differs from the captured one).
WITH items AS (
.read Queries/Sql/card_captures.sql
)
SELECT store_id, business_date, count(captured) AS tenders, coalesce(sum(captured), 0) AS captured,
       coalesce(sum(settled), 0) AS settled, coalesce(sum(fee), 0) AS fees,
       count(*) FILTER (WHERE captured IS NULL OR settled IS NULL OR captured <> settled) AS unmatched
FROM items
GROUP BY store_id, business_date
ORDER BY store_id, business_date
