-- The returned SKUs of each sale, kept by landing (Marts/MartRefresh.sql) instead of the view returned_sale_skus, which
-- scanned every sale line whenever a query counted returns against their sale's period.
DROP VIEW returned_sale_skus;

-- Per sale and SKU that a landed return names as its original: the sale's day, store and channel, and its lines' sums.
CREATE TABLE mart_returned_sale_skus (
  transaction_id VARCHAR NOT NULL, sku VARCHAR NOT NULL, business_date DATE NOT NULL, store_id VARCHAR NOT NULL,
  channel VARCHAR NOT NULL, gross DECIMAL(38,4) NOT NULL, net_sales DECIMAL(38,4) NOT NULL, quantity BIGINT NOT NULL);

INSERT INTO mart_returned_sale_skus
SELECT transaction_id, sku, min(business_date), min(store_id), min(channel), sum(gross), sum(net_sales), sum(quantity)
FROM fact_sale_lines
WHERE transaction_id IN (SELECT original_transaction_id FROM fact_return_lines)
GROUP BY transaction_id, sku;
