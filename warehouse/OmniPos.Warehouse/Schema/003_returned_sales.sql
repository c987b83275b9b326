-- The returned SKUs of each sale, kept by landing (Marts/MartRefresh.sql) instead of the view returned_sale_skus, which
-- scanned every sale line whenever a query counted returns against their sale's period.

-- Per sale and SKU that a landed return names as its original: the sale's day, store and channel, and its lines' sums.
CREATE TABLE mart_returned_sale_skus (
  transaction_id VARCHAR NOT NULL, sku VARCHAR NOT NULL, business_date DATE NOT NULL, store_id VARCHAR NOT NULL,
  channel VARCHAR NOT NULL, gross DECIMAL(38,4) NOT NULL, net_sales DECIMAL(38,4) NOT NULL, quantity BIGINT NOT NULL);

-- What the view gave for the facts landed so far; landing adds the rest.
INSERT INTO mart_returned_sale_skus SELECT * FROM returned_sale_skus;

DROP VIEW returned_sale_skus;
