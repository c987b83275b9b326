-- Amounts are TEXT: Microsoft.Data.Sqlite writes decimals as exact text, and the ledger never sums them in SQL.
-- events.seq is the rowid without AUTOINCREMENT: events are never deleted, so max + 1 is already monotonic, and
-- AUTOINCREMENT would cost a write to sqlite_sequence per event.
CREATE TABLE stores (
  store_id TEXT PRIMARY KEY, name TEXT NOT NULL, time_zone TEXT NOT NULL, currency TEXT NOT NULL, tax_jurisdiction TEXT NOT NULL);
CREATE TABLE devices (
  device_id TEXT PRIMARY KEY, store_id TEXT NOT NULL REFERENCES stores (store_id), kind TEXT NOT NULL);
CREATE TABLE products (
  sku TEXT PRIMARY KEY, name TEXT NOT NULL, category_path TEXT NOT NULL, unit_cost TEXT NOT NULL, unit_price TEXT NOT NULL);
CREATE TABLE promotions (
  promotion_id TEXT PRIMARY KEY, name TEXT NOT NULL, starts_on TEXT NOT NULL, ends_on TEXT NOT NULL);
CREATE TABLE customers (
  customer_id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT);
CREATE TABLE employees (
  employee_id TEXT PRIMARY KEY, store_id TEXT NOT NULL REFERENCES stores (store_id), name TEXT NOT NULL, role TEXT NOT NULL);

CREATE TABLE events (
  seq INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL UNIQUE,
  event_type TEXT NOT NULL,
  store_id TEXT NOT NULL,
  device_id TEXT NOT NULL,
  occurred_at_utc TEXT NOT NULL,
  occurred_offset_minutes INTEGER NOT NULL,
  received_at_utc TEXT NOT NULL,
  payload_hash TEXT NOT NULL,
  payload TEXT NOT NULL);

-- Rows derived from an event are keyed by its seq, which the writer allocates: they are appended at the end of their
-- tables (a commit dirties few pages), and a sale's lines and tenders sit together. They carry no foreign key: they are
-- written in the event's own transaction by construction, and the key would cost a lookup per row.
CREATE TABLE transactions (
  transaction_id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  store_id TEXT NOT NULL,
  original_transaction_id TEXT,
  currency TEXT NOT NULL,
  total TEXT NOT NULL);
CREATE INDEX transactions_by_original ON transactions (original_transaction_id);

CREATE TABLE sale_lines (
  seq INTEGER NOT NULL, line_no INTEGER NOT NULL, sku TEXT NOT NULL, quantity INTEGER NOT NULL,
  unit_price TEXT NOT NULL, discount_total TEXT NOT NULL, tax_total TEXT NOT NULL, fulfilment TEXT NOT NULL, location TEXT NOT NULL,
  PRIMARY KEY (seq, line_no)) WITHOUT ROWID;
CREATE TABLE tenders (
  seq INTEGER NOT NULL, tender_no INTEGER NOT NULL, kind TEXT NOT NULL, amount TEXT NOT NULL, paid TEXT NOT NULL,
  refunded TEXT NOT NULL, captured TEXT NOT NULL, token TEXT, brand TEXT, last_four TEXT, auth_code TEXT, reference TEXT,
  PRIMARY KEY (seq, tender_no)) WITHOUT ROWID;
CREATE TABLE return_lines (
  seq INTEGER NOT NULL, line_no INTEGER NOT NULL, original_transaction_id TEXT, sku TEXT NOT NULL, quantity INTEGER NOT NULL,
  refund_amount TEXT NOT NULL, reason TEXT NOT NULL, restock INTEGER NOT NULL, location TEXT NOT NULL,
  PRIMARY KEY (seq, line_no)) WITHOUT ROWID;
CREATE INDEX return_lines_by_original ON return_lines (original_transaction_id);
CREATE TABLE refunds (
  seq INTEGER NOT NULL, refund_no INTEGER NOT NULL, kind TEXT NOT NULL, amount TEXT NOT NULL,
  original_transaction_id TEXT, original_tender_no INTEGER, reference TEXT,
  PRIMARY KEY (seq, refund_no)) WITHOUT ROWID;
CREATE TABLE payment_adjustments (
  seq INTEGER PRIMARY KEY, transaction_id TEXT NOT NULL, tender_no INTEGER NOT NULL,
  kind TEXT NOT NULL, amount TEXT NOT NULL, reason TEXT);
CREATE TABLE device_events (
  seq INTEGER PRIMARY KEY, store_id TEXT NOT NULL, device_id TEXT NOT NULL, kind TEXT NOT NULL,
  employee_id TEXT, transaction_id TEXT, line_no INTEGER, amount TEXT, reason TEXT);
-- Movements posted as events (receipts, transfers, counts, reservations). Sales and restocking returns move stock
-- too; their movements are their lines, which inventory_ledger adds in, so no fact is stored twice.
CREATE TABLE inventory_movements (
  seq INTEGER PRIMARY KEY, sku TEXT NOT NULL, location TEXT NOT NULL,
  kind TEXT NOT NULL, on_hand_delta INTEGER NOT NULL, reserved_delta INTEGER NOT NULL, unit_cost TEXT, reason TEXT, reference TEXT);
CREATE VIEW inventory_ledger (seq, line_no, sku, location, kind, on_hand_delta, reserved_delta, unit_cost, reason, reference) AS
  SELECT seq, 1, sku, location, kind, on_hand_delta, reserved_delta, unit_cost, reason, reference FROM inventory_movements
  UNION ALL
  SELECT l.seq, l.line_no, l.sku, l.location, 'sale', -l.quantity, 0, NULL, NULL, t.transaction_id
  FROM sale_lines l JOIN transactions t ON t.seq = l.seq
  UNION ALL
  SELECT l.seq, l.line_no, l.sku, l.location, 'return_restock', l.quantity, 0, NULL, l.reason, t.transaction_id
  FROM return_lines l JOIN transactions t ON t.seq = l.seq WHERE l.restock;
CREATE TABLE stock (
  sku TEXT NOT NULL, location TEXT NOT NULL, on_hand INTEGER NOT NULL, reserved INTEGER NOT NULL,
  PRIMARY KEY (sku, location));
