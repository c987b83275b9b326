-- Turns one landing run's events (run_payloads: seq and the stored canonical JSON, EventJson) into the rows of its
-- stage_* fact tables. Each payload is parsed once, into one struct that has the fields of every body type (those a body
-- lacks are NULL). JSON numbers go to DECIMAL(18,4) through a double: exact for amounts of up to 15 significant digits.
-- An event naming a store, device or product the catalog lacks, or of a type landing does not know, fails the run.

CREATE OR REPLACE TEMP TABLE run_events AS
WITH parsed AS (
  SELECT seq, json_transform(payload, '{
    "eventId": "VARCHAR", "storeId": "VARCHAR", "deviceId": "VARCHAR", "occurredAt": "TIMESTAMPTZ",
    "body": {
      "type": "VARCHAR", "transactionId": "VARCHAR", "currency": "VARCHAR", "customerId": "VARCHAR", "employeeId": "VARCHAR",
      "customerCountry": "VARCHAR", "originalTransactionId": "VARCHAR", "exchangeTransactionId": "VARCHAR",
      "changeGiven": "DECIMAL(18,4)",
      "lines": [{
        "lineNo": "INTEGER", "sku": "VARCHAR", "quantity": "INTEGER", "unitPrice": "DECIMAL(18,4)", "fulfilment": "VARCHAR",
        "location": "VARCHAR", "refundAmount": "DECIMAL(18,4)", "reason": "VARCHAR", "restock": "BOOLEAN",
        "discounts": [{"amount": "DECIMAL(18,4)", "promotionId": "VARCHAR", "reason": "VARCHAR"}],
        "taxes": [{"jurisdiction": "VARCHAR", "amount": "DECIMAL(18,4)"}]}],
      "tenders": [{
        "tenderNo": "INTEGER", "kind": "VARCHAR", "amount": "DECIMAL(18,4)", "reference": "VARCHAR",
        "card": {"token": "VARCHAR", "brand": "VARCHAR", "lastFour": "VARCHAR", "authCode": "VARCHAR"}}],
      "refunds": [{
        "refundNo": "INTEGER", "kind": "VARCHAR", "amount": "DECIMAL(18,4)", "originalTenderNo": "INTEGER", "reference": "VARCHAR"}],
      "tenderNo": "INTEGER", "amount": "DECIMAL(18,4)", "reason": "VARCHAR", "kind": "VARCHAR", "lineNo": "INTEGER",
      "sku": "VARCHAR", "quantity": "INTEGER", "location": "VARCHAR", "unitCost": "DECIMAL(18,4)", "reference": "VARCHAR",
      "unitPrice": "DECIMAL(18,4)", "promotionId": "VARCHAR"}}') AS e
  FROM run_payloads)
SELECT p.seq, p.e.eventId AS event_id, p.e.storeId AS store_id, p.e.deviceId AS device_id, p.e.occurredAt AS occurred_at,
       -- The store's local calendar day at the instant.
       (p.e.occurredAt AT TIME ZONE coalesce(s.time_zone, error('the event log names store ''' || p.e.storeId || ''', which the catalog does not hold')))::DATE
         AS business_date,
       coalesce(d.channel, error('the event log names device ''' || p.e.deviceId || ''', which the catalog does not hold')) AS channel,
       CASE WHEN p.e.body.type IN ('sale', 'return', 'payment_capture', 'payment_refund', 'device_event', 'inventory_movement', 'price_change')
            THEN p.e.body.type
            ELSE error('landing does not know events of type ' || coalesce(p.e.body.type, 'null') || ' (seq ' || p.seq || ')') END AS type,
       p.e.body AS body
FROM parsed p
LEFT JOIN dim_store s ON s.store_id = p.e.storeId
LEFT JOIN dim_device d ON d.device_id = p.e.deviceId;

-- Each line of each sale and return, with what the facts need of its transaction (not the whole body: a copy per line)
-- and its product's standard cost.
CREATE OR REPLACE TEMP TABLE run_lines AS
WITH lines AS (
  SELECT seq, store_id, device_id, occurred_at, business_date, channel, type, body.transactionId AS transaction_id,
         body.originalTransactionId AS original_transaction_id, body.customerId AS customer_id, body.employeeId AS employee_id,
         body.customerCountry AS customer_country, unnest(body.lines) AS line
  FROM run_events WHERE type IN ('sale', 'return'))
SELECT l.*, coalesce(l.line.location, l.store_id) AS location,
       coalesce(p.unit_cost, error('the event log names product ''' || l.line.sku || ''', which the catalog does not hold')) AS unit_cost,
       p.is_gift_card,
       coalesce(list_sum([d.amount FOR d IN l.line.discounts]), 0) AS discount,
       coalesce(list_sum([t.amount FOR t IN l.line.taxes]), 0) AS tax
FROM lines l LEFT JOIN dim_product p ON p.sku = l.line.sku;

INSERT INTO stage_fact_transactions BY NAME
SELECT seq, event_id, body.transactionId AS transaction_id, type AS kind, store_id, device_id, channel, business_date, occurred_at,
       body.currency AS currency, CASE WHEN type = 'sale' THEN body.customerId END AS customer_id, body.employeeId AS employee_id,
       body.originalTransactionId AS original_transaction_id, body.exchangeTransactionId AS exchange_transaction_id,
       body.customerCountry AS customer_country, len(body.lines) AS line_count,
       coalesce(list_sum([l.quantity FOR l IN body.lines]), 0) AS units,
       CASE WHEN type = 'sale' THEN coalesce(sale.total, 0) ELSE coalesce(list_sum([r.amount FOR r IN body.refunds]), 0) END AS total,
       CASE WHEN type = 'sale' THEN coalesce(body.changeGiven, 0) ELSE 0 END AS change_given
FROM run_events
-- A sale's total: its lines' gross less their discounts plus their taxes.
LEFT JOIN (SELECT seq, sum(line.quantity * line.unitPrice - discount + tax) AS total FROM run_lines WHERE type = 'sale' GROUP BY seq) sale
  USING (seq)
WHERE type IN ('sale', 'return');

-- gross = quantity × unit price; net sales = gross − discounts; cost at the product's standard cost.
INSERT INTO stage_fact_sale_lines BY NAME
SELECT seq, transaction_id, store_id, device_id, channel, business_date, occurred_at, line.lineNo AS line_no,
       line.sku AS sku, location, line.quantity AS quantity, line.unitPrice AS unit_price, line.quantity * line.unitPrice AS gross,
       discount, tax, line.quantity * line.unitPrice - discount AS net_sales, unit_cost, line.quantity * unit_cost AS cost,
       coalesce(line.fulfilment, 'carry_out') AS fulfilment, customer_id, employee_id,
       [d.promotionId FOR d IN line.discounts IF d.promotionId IS NOT NULL][1] AS promotion_id, is_gift_card, customer_country
FROM run_lines WHERE type = 'sale';

INSERT INTO stage_fact_line_discounts BY NAME
SELECT seq, transaction_id, store_id, business_date, line_no, discount_no, sku, d.promotionId AS promotion_id, d.reason AS reason, d.amount AS amount
FROM (SELECT seq, transaction_id, store_id, business_date, line.lineNo AS line_no, line.sku AS sku,
             unnest(line.discounts) AS d, generate_subscripts(line.discounts, 1) AS discount_no
      FROM run_lines WHERE type = 'sale');

INSERT INTO stage_fact_line_taxes BY NAME
SELECT seq, transaction_id, store_id, business_date, line_no, t.jurisdiction AS jurisdiction, t.amount AS amount
FROM (SELECT seq, transaction_id, store_id, business_date, line.lineNo AS line_no, unnest(line.taxes) AS t
      FROM run_lines WHERE type = 'sale');

INSERT INTO stage_fact_return_lines BY NAME
SELECT seq, transaction_id, original_transaction_id, store_id, device_id, channel, business_date, occurred_at, line.lineNo AS line_no,
       line.sku AS sku, location, line.quantity AS quantity, line.refundAmount AS refund_amount, line.reason AS reason,
       line.restock AS restock, unit_cost, employee_id, customer_country
FROM run_lines WHERE type = 'return';

-- The core gives change from the sale's last cash tender; the till's expected cash counts it there.
INSERT INTO stage_fact_tenders BY NAME
SELECT seq, transaction_id, store_id, device_id, channel, business_date, t.tenderNo AS tender_no, t.kind AS kind, t.amount AS amount,
       CASE WHEN t.tenderNo = change_tender THEN change_given ELSE 0 END AS change_given, t.card.token AS card_token,
       t.card.brand AS card_brand, t.card.lastFour AS card_last_four, t.card.authCode AS auth_code, t.reference AS reference
FROM (SELECT seq, body.transactionId AS transaction_id, store_id, device_id, channel, business_date, coalesce(body.changeGiven, 0) AS change_given,
             [t.tenderNo FOR t IN body.tenders IF t.kind = 'cash'][-1] AS change_tender, unnest(body.tenders) AS t
      FROM run_events WHERE type = 'sale');

INSERT INTO stage_fact_refunds BY NAME
SELECT seq, transaction_id, original_transaction_id, store_id, device_id, business_date, r.refundNo AS refund_no, r.kind AS kind,
       r.amount AS amount, r.originalTenderNo AS original_tender_no, r.reference AS reference
FROM (SELECT seq, body.transactionId AS transaction_id, body.originalTransactionId AS original_transaction_id, store_id, device_id,
             business_date, unnest(body.refunds) AS r
      FROM run_events WHERE type = 'return');

INSERT INTO stage_fact_payment_adjustments BY NAME
SELECT seq, body.transactionId AS transaction_id, store_id, business_date, body.tenderNo AS tender_no,
       CASE WHEN type = 'payment_capture' THEN 'capture' ELSE 'refund' END AS kind, body.amount AS amount,
       CASE WHEN type = 'payment_refund' THEN body.reason END AS reason
FROM run_events WHERE type IN ('payment_capture', 'payment_refund');

INSERT INTO stage_fact_device_events BY NAME
SELECT seq, store_id, device_id, business_date, occurred_at, body.kind AS kind, body.employeeId AS employee_id,
       body.transactionId AS transaction_id, body.lineNo AS line_no, body.amount AS amount, body.reason AS reason
FROM run_events WHERE type = 'device_event';

-- Every change of stock: sold lines leave, restocked returned lines come back, and posted movements change on-hand or
-- reserved units as the core's ledger applies them.
INSERT INTO stage_fact_inventory_movements BY NAME
SELECT seq, store_id, business_date, occurred_at, line.sku AS sku, location, 'sale' AS kind, -line.quantity AS on_hand_change,
       0 AS reserved_change, NULL AS unit_cost, NULL AS reason, transaction_id AS reference
FROM run_lines WHERE type = 'sale'
UNION ALL
SELECT seq, store_id, business_date, occurred_at, line.sku, location, 'return_restock', line.quantity, 0, NULL, NULL, transaction_id
FROM run_lines WHERE type = 'return' AND line.restock
UNION ALL
SELECT seq, store_id, business_date, occurred_at, body.sku, coalesce(body.location, store_id), body.kind,
       CASE body.kind WHEN 'receipt' THEN body.quantity WHEN 'transfer_in' THEN body.quantity WHEN 'count_adjustment' THEN body.quantity
                      WHEN 'transfer_out' THEN -body.quantity WHEN 'reservation' THEN 0 WHEN 'reservation_release' THEN 0
                      ELSE error('a posted movement is never of kind ' || body.kind) END,
       CASE body.kind WHEN 'reservation' THEN body.quantity WHEN 'reservation_release' THEN -body.quantity ELSE 0 END,
       body.unitCost, body.reason, body.reference
FROM run_events WHERE type = 'inventory_movement';

INSERT INTO stage_fact_price_changes BY NAME
SELECT seq, store_id, business_date, occurred_at, body.sku AS sku, body.unitPrice AS unit_price, body.promotionId AS promotion_id,
       body.reason AS reason
FROM run_events WHERE type = 'price_change';

DROP TABLE run_lines;
DROP TABLE run_events;
DROP TABLE run_payloads;
