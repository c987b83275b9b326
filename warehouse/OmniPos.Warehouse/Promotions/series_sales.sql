-- Each SKU's sales per stock location and business day from $from to $through (gift cards aside): units, at shelf
-- prices (gross), net of discounts, at cost; with the returns
-- of those sales set against the day and location of the sale they undo (matched by the original transaction and SKU),
-- whenever they came back.
WITH sold AS (
    SELECT sku, location, business_date, sum(quantity) AS units, sum(gross) AS gross, sum(net_sales) AS net_sales, sum(cost) AS cost
    FROM fact_sale_lines
    WHERE NOT is_gift_card AND business_date BETWEEN $from AND $through
    GROUP BY ALL),
sale_of AS (
    SELECT DISTINCT transaction_id, sku, location, business_date
    FROM fact_sale_lines
    WHERE NOT is_gift_card AND business_date BETWEEN $from AND $through),
returned AS (
    SELECT s.sku, s.location, s.business_date, sum(r.quantity) AS units, sum(r.refund_amount) AS refunds, sum(r.quantity * r.unit_cost) AS cost
    FROM fact_return_lines r JOIN sale_of s ON s.transaction_id = r.original_transaction_id AND s.sku = r.sku
    GROUP BY ALL)
SELECT sold.sku, sold.location, sold.business_date, CAST(sold.units AS INTEGER), sold.gross, sold.net_sales, sold.cost,
       CAST(coalesce(returned.units, 0) AS INTEGER), coalesce(returned.refunds, 0), coalesce(returned.cost, 0)
FROM sold LEFT JOIN returned USING (sku, location, business_date)
ORDER BY sold.sku, sold.location, sold.business_date
