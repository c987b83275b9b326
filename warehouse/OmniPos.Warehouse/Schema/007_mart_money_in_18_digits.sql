-- The marts' money in DECIMAL(18,4), as the facts keep it: a day's sums per store, channel and SKU, or one sale's lines
-- of a SKU, stay far below 10^14, and DuckDB sums 18-digit decimals in 64-bit integers, several times faster than the
-- 128-bit ones DECIMAL(38,4) needs. A sum that outgrew them would fail its landing run, not wrap.
ALTER TABLE mart_daily_sales ALTER gross TYPE DECIMAL(18,4);
ALTER TABLE mart_daily_sales ALTER discount TYPE DECIMAL(18,4);
ALTER TABLE mart_daily_sales ALTER net_sales TYPE DECIMAL(18,4);
ALTER TABLE mart_daily_sales ALTER tax TYPE DECIMAL(18,4);
ALTER TABLE mart_daily_sales ALTER cost TYPE DECIMAL(18,4);
ALTER TABLE mart_daily_sales ALTER refunded TYPE DECIMAL(18,4);
ALTER TABLE mart_returned_sale_skus ALTER gross TYPE DECIMAL(18,4);
ALTER TABLE mart_returned_sale_skus ALTER net_sales TYPE DECIMAL(18,4);
