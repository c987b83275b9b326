-- The first problems of a long-layout file (history_csv, read as text), by line of the file (the header is line 1): a
-- blank key, a value that does not convert, a negative quantity or price, or a SKU, location and day given twice. Row ids
-- follow the file's order; inside a transaction they do not start at 0.
WITH numbered AS (SELECT rowid - (SELECT min(rowid) FROM history_csv) + 2 AS line, * FROM history_csv)
SELECT line, problem FROM (
    SELECT line,
           CASE
               WHEN coalesce(trim(sku), '') = '' THEN 'sku is empty'
               WHEN coalesce(trim(location), '') = '' THEN 'location is empty'
               WHEN try_cast(date AS DATE) IS NULL THEN 'date "' || coalesce(date, '') || '" is not a date (YYYY-MM-DD)'
               WHEN units IS NOT NULL AND coalesce(try_cast(units AS DOUBLE) < 0, true)
                   THEN 'units "' || units || '" is not a quantity of zero or more'
               WHEN price IS NOT NULL AND coalesce(try_cast(price AS DECIMAL(18, 4)) < 0, true)
                   THEN 'price "' || price || '" is not an amount of zero or more'
               WHEN promoted IS NOT NULL AND try_cast(promoted AS BOOLEAN) IS NULL
                   THEN 'promoted "' || promoted || '" is not true/false or 1/0'
               WHEN in_stock IS NOT NULL AND try_cast(in_stock AS BOOLEAN) IS NULL
                   THEN 'in_stock "' || in_stock || '" is not true/false or 1/0'
           END AS problem
    FROM numbered
    UNION ALL
    SELECT max(line), 'sku ' || sku || ' at ' || location || ' on ' || day || ' is given ' || count(*) || ' times'
    FROM (SELECT line, sku, location, try_cast(date AS DATE) AS day FROM numbered)
    WHERE day IS NOT NULL GROUP BY sku, location, day HAVING count(*) > 1
)
WHERE problem IS NOT NULL
ORDER BY line
LIMIT 10;
