CREATE TABLE stores (
  store_id text PRIMARY KEY, name text NOT NULL, time_zone text NOT NULL, currency char(3) NOT NULL, tax_jurisdiction text NOT NULL);
CREATE TABLE devices (
  device_id text PRIMARY KEY, store_id text NOT NULL REFERENCES stores (store_id), kind text NOT NULL);
CREATE TABLE products (
  sku text PRIMARY KEY, name text NOT NULL, category_path text NOT NULL, unit_cost numeric(19, 4) NOT NULL, unit_price numeric(19, 4) NOT NULL);
CREATE TABLE promotions (
  promotion_id text PRIMARY KEY, name text NOT NULL, starts_on date NOT NULL, ends_on date NOT NULL);
CREATE TABLE customers (
  customer_id text PRIMARY KEY, name text NOT NULL, email text);
CREATE TABLE employees (
  employee_id text PRIMARY KEY, store_id text NOT NULL REFERENCES stores (store_id), name text NOT NULL, role text NOT NULL);

CREATE TABLE events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id text NOT NULL UNIQUE,
  event_type text NOT NULL,
  store_id text NOT NULL,
  device_id text NOT NULL,
  occurred_at_utc timestamptz NOT NULL,
  occurred_offset_minutes integer NOT NULL,
  received_at_utc timestamptz NOT NULL,
  payload_hash text NOT NULL,
  payload text NOT NULL);

-- Rows derived from an event carry its event_id without a foreign key: they are written in the event's own
-- transaction by construction, and the key would cost a lookup (on PostgreSQL a trigger query) per row.
CREATE TABLE transactions (
  transaction_id text PRIMARY KEY,
  kind text NOT NULL,
  event_id text NOT NULL,
  store_id text NOT NULL,
  original_transaction_id text,
  currency char(3) NOT NULL,
  total numeric(19, 4) NOT NULL);
CREATE INDEX transactions_by_original ON transactions (original_transaction_id);

CREATE TABLE sale_lines (
  transaction_id text NOT NULL, line_no integer NOT NULL, sku text NOT NULL, quantity integer NOT NULL,
  unit_price numeric(19, 4) NOT NULL, discount_total numeric(19, 4) NOT NULL, tax_total numeric(19, 4) NOT NULL,
  fulfilment text NOT NULL, location text NOT NULL,
  PRIMARY KEY (transaction_id, line_no));
CREATE TABLE tenders (
  transaction_id text NOT NULL, tender_no integer NOT NULL, kind text NOT NULL, amount numeric(19, 4) NOT NULL, paid numeric(19, 4) NOT NULL,
  refunded numeric(19, 4) NOT NULL, captured numeric(19, 4) NOT NULL, token text, brand text, last_four text, auth_code text, reference text,
  PRIMARY KEY (transaction_id, tender_no));
CREATE TABLE return_lines (
  transaction_id text NOT NULL, line_no integer NOT NULL, original_transaction_id text, sku text NOT NULL, quantity integer NOT NULL,
  refund_amount numeric(19, 4) NOT NULL, reason text NOT NULL, restock boolean NOT NULL, location text NOT NULL,
  PRIMARY KEY (transaction_id, line_no));
CREATE INDEX return_lines_by_original ON return_lines (original_transaction_id);
CREATE TABLE refunds (
  transaction_id text NOT NULL, refund_no integer NOT NULL, kind text NOT NULL, amount numeric(19, 4) NOT NULL,
  original_transaction_id text, original_tender_no integer, reference text,
  PRIMARY KEY (transaction_id, refund_no));
CREATE TABLE payment_adjustments (
  event_id text PRIMARY KEY, transaction_id text NOT NULL, tender_no integer NOT NULL,
  kind text NOT NULL, amount numeric(19, 4) NOT NULL, reason text);
CREATE TABLE device_events (
  event_id text PRIMARY KEY, store_id text NOT NULL, device_id text NOT NULL, kind text NOT NULL,
  employee_id text, transaction_id text, line_no integer, amount numeric(19, 4), reason text);
CREATE TABLE inventory_movements (
  event_id text NOT NULL, movement_no integer NOT NULL, sku text NOT NULL, location text NOT NULL,
  kind text NOT NULL, on_hand_delta integer NOT NULL, reserved_delta integer NOT NULL, unit_cost numeric(19, 4), reason text, reference text,
  PRIMARY KEY (event_id, movement_no));
CREATE TABLE stock (
  sku text NOT NULL, location text NOT NULL, on_hand integer NOT NULL, reserved integer NOT NULL,
  PRIMARY KEY (sku, location));
