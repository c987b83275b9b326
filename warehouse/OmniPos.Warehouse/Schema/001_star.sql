-- The star schema (DESIGN.md §4). Facts keep the seq of the event (or processor record) they come from, and the business
-- date: the store's local calendar day. Money is DECIMAL(18,4): every store currency fits it exactly.

CREATE TABLE landing_watermarks (feed VARCHAR PRIMARY KEY, last_seq BIGINT NOT NULL);

-- One row per Parquet file of the lake; a file the manifest does not name is not part of the lake.
CREATE TABLE lake_manifest (
  path VARCHAR PRIMARY KEY, lake_table VARCHAR NOT NULL, business_date DATE NOT NULL, feed VARCHAR NOT NULL,
  first_seq BIGINT NOT NULL, last_seq BIGINT NOT NULL, row_count BIGINT NOT NULL, landed_at TIMESTAMPTZ NOT NULL);

CREATE TABLE dim_store (store_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, time_zone VARCHAR NOT NULL, currency VARCHAR NOT NULL, tax_jurisdiction VARCHAR NOT NULL);
CREATE TABLE dim_device (device_id VARCHAR PRIMARY KEY, store_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, channel VARCHAR NOT NULL);
CREATE TABLE dim_channel (channel VARCHAR PRIMARY KEY, name VARCHAR NOT NULL);
INSERT INTO dim_channel VALUES ('store', 'In store'), ('web', 'Web storefront'), ('marketplace', 'Marketplace');
CREATE TABLE dim_product (
  sku VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, category_path VARCHAR[] NOT NULL, category VARCHAR NOT NULL,
  subcategory VARCHAR, unit_cost DECIMAL(18,4) NOT NULL, unit_price DECIMAL(18,4) NOT NULL, is_gift_card BOOLEAN NOT NULL);
CREATE TABLE dim_promotion (promotion_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, starts_on DATE NOT NULL, ends_on DATE NOT NULL);
CREATE TABLE dim_customer (customer_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL);
CREATE TABLE dim_employee (employee_id VARCHAR PRIMARY KEY, store_id VARCHAR NOT NULL, name VARCHAR NOT NULL, role VARCHAR NOT NULL);
CREATE TABLE dim_date (
  business_date DATE PRIMARY KEY, year INTEGER NOT NULL, month INTEGER NOT NULL, iso_year INTEGER NOT NULL,
  iso_week INTEGER NOT NULL, week_start DATE NOT NULL, weekday INTEGER NOT NULL);

CREATE TABLE fact_transactions (
  seq BIGINT NOT NULL, event_id VARCHAR NOT NULL, transaction_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, store_id VARCHAR NOT NULL,
  device_id VARCHAR NOT NULL, channel VARCHAR NOT NULL, business_date DATE NOT NULL, occurred_at TIMESTAMPTZ NOT NULL,
  currency VARCHAR NOT NULL, customer_id VARCHAR, employee_id VARCHAR, original_transaction_id VARCHAR,
  exchange_transaction_id VARCHAR, customer_country VARCHAR, line_count INTEGER NOT NULL, units INTEGER NOT NULL,
  total DECIMAL(18,4) NOT NULL, change_given DECIMAL(18,4) NOT NULL);

-- gross = quantity × unit_price; net_sales = gross − discount (before tax); cost at the product's standard cost when landed.
CREATE TABLE fact_sale_lines (
  seq BIGINT NOT NULL, transaction_id VARCHAR NOT NULL, store_id VARCHAR NOT NULL, device_id VARCHAR NOT NULL, channel VARCHAR NOT NULL,
  business_date DATE NOT NULL, occurred_at TIMESTAMPTZ NOT NULL, line_no INTEGER NOT NULL, sku VARCHAR NOT NULL,
  location VARCHAR NOT NULL, quantity INTEGER NOT NULL, unit_price DECIMAL(18,4) NOT NULL, gross DECIMAL(18,4) NOT NULL,
  discount DECIMAL(18,4) NOT NULL, tax DECIMAL(18,4) NOT NULL, net_sales DECIMAL(18,4) NOT NULL, unit_cost DECIMAL(18,4) NOT NULL,
  cost DECIMAL(18,4) NOT NULL, fulfilment VARCHAR NOT NULL, customer_id VARCHAR, employee_id VARCHAR,
  promotion_id VARCHAR, is_gift_card BOOLEAN NOT NULL, customer_country VARCHAR);

CREATE TABLE fact_line_discounts (
  seq BIGINT NOT NULL, transaction_id VARCHAR NOT NULL, store_id VARCHAR NOT NULL, business_date DATE NOT NULL,
  line_no INTEGER NOT NULL, discount_no INTEGER NOT NULL, sku VARCHAR NOT NULL, promotion_id VARCHAR, reason VARCHAR, amount DECIMAL(18,4) NOT NULL);

CREATE TABLE fact_line_taxes (
  seq BIGINT NOT NULL, transaction_id VARCHAR NOT NULL, store_id VARCHAR NOT NULL, business_date DATE NOT NULL,
  line_no INTEGER NOT NULL, jurisdiction VARCHAR NOT NULL, amount DECIMAL(18,4) NOT NULL);

CREATE TABLE fact_return_lines (
  seq BIGINT NOT NULL, transaction_id VARCHAR NOT NULL, original_transaction_id VARCHAR, store_id VARCHAR NOT NULL,
  device_id VARCHAR NOT NULL, channel VARCHAR NOT NULL, business_date DATE NOT NULL, occurred_at TIMESTAMPTZ NOT NULL,
  line_no INTEGER NOT NULL, sku VARCHAR NOT NULL, location VARCHAR NOT NULL, quantity INTEGER NOT NULL,
  refund_amount DECIMAL(18,4) NOT NULL, reason VARCHAR NOT NULL, restock BOOLEAN NOT NULL, unit_cost DECIMAL(18,4) NOT NULL,
  employee_id VARCHAR, customer_country VARCHAR);

-- change_given is the change handed back from this tender (the sale's last cash tender gives it).
CREATE TABLE fact_tenders (
  seq BIGINT NOT NULL, transaction_id VARCHAR NOT NULL, store_id VARCHAR NOT NULL, device_id VARCHAR NOT NULL, channel VARCHAR NOT NULL,
  business_date DATE NOT NULL, tender_no INTEGER NOT NULL, kind VARCHAR NOT NULL, amount DECIMAL(18,4) NOT NULL,
  change_given DECIMAL(18,4) NOT NULL, card_token VARCHAR, card_brand VARCHAR, card_last_four VARCHAR, auth_code VARCHAR, reference VARCHAR);

CREATE TABLE fact_refunds (
  seq BIGINT NOT NULL, transaction_id VARCHAR NOT NULL, original_transaction_id VARCHAR, store_id VARCHAR NOT NULL,
  device_id VARCHAR NOT NULL, business_date DATE NOT NULL, refund_no INTEGER NOT NULL, kind VARCHAR NOT NULL,
  amount DECIMAL(18,4) NOT NULL, original_tender_no INTEGER, reference VARCHAR);

CREATE TABLE fact_payment_adjustments (
  seq BIGINT NOT NULL, transaction_id VARCHAR NOT NULL, store_id VARCHAR NOT NULL, business_date DATE NOT NULL,
  tender_no INTEGER NOT NULL, kind VARCHAR NOT NULL, amount DECIMAL(18,4) NOT NULL, reason VARCHAR);

CREATE TABLE fact_device_events (
  seq BIGINT NOT NULL, store_id VARCHAR NOT NULL, device_id VARCHAR NOT NULL, business_date DATE NOT NULL,
  occurred_at TIMESTAMPTZ NOT NULL, kind VARCHAR NOT NULL, employee_id VARCHAR, transaction_id VARCHAR, line_no INTEGER,
  amount DECIMAL(18,4), reason VARCHAR);

-- Every change of stock: the movements devices post, and those sales (kind 'sale') and restocked returns ('return_restock') imply.
CREATE TABLE fact_inventory_movements (
  seq BIGINT NOT NULL, store_id VARCHAR NOT NULL, business_date DATE NOT NULL, occurred_at TIMESTAMPTZ NOT NULL,
  sku VARCHAR NOT NULL, location VARCHAR NOT NULL, kind VARCHAR NOT NULL, on_hand_change INTEGER NOT NULL,
  reserved_change INTEGER NOT NULL, unit_cost DECIMAL(18,4), reason VARCHAR, reference VARCHAR);

CREATE TABLE fact_price_changes (
  seq BIGINT NOT NULL, store_id VARCHAR NOT NULL, business_date DATE NOT NULL, occurred_at TIMESTAMPTZ NOT NULL,
  sku VARCHAR NOT NULL, unit_price DECIMAL(18,4) NOT NULL, promotion_id VARCHAR, reason VARCHAR);

CREATE TABLE fact_settlements (
  seq BIGINT NOT NULL, store_id VARCHAR NOT NULL, business_date DATE NOT NULL, processor_token VARCHAR NOT NULL,
  auth_code VARCHAR NOT NULL, amount DECIMAL(18,4) NOT NULL, fee DECIMAL(18,4) NOT NULL, currency VARCHAR NOT NULL);

CREATE TABLE fact_chargebacks (
  seq BIGINT NOT NULL, store_id VARCHAR NOT NULL, business_date DATE NOT NULL, processor_token VARCHAR NOT NULL,
  auth_code VARCHAR NOT NULL, amount DECIMAL(18,4) NOT NULL, currency VARCHAR NOT NULL, reason_code VARCHAR NOT NULL);

INSERT INTO dim_date
SELECT d::DATE, year(d), month(d), isoyear(d), week(d), date_trunc('week', d)::DATE, isodow(d)
FROM range(TIMESTAMP '2000-01-01', TIMESTAMP '2041-01-01', INTERVAL 1 DAY) r(d);
