-- A return may name a sale that has not arrived (a register's offline queue, a sale rung up at another store): it is
-- recorded, and a placeholder row of kind 'awaited' holds the sale's receipt number in transactions, under the
-- return's seq, until the sale replaces it. Rows of an event join their transaction by seq and kind, so the placeholder
-- never doubles a return's lines.
DROP VIEW inventory_ledger;
CREATE VIEW inventory_ledger (seq, line_no, sku, location, kind, on_hand_delta, reserved_delta, unit_cost, reason, reference) AS
  SELECT seq, 1, sku, location, kind, on_hand_delta, reserved_delta, unit_cost, reason, reference FROM inventory_movements
  UNION ALL
  SELECT l.seq, l.line_no, l.sku, l.location, 'sale', -l.quantity, 0, NULL, NULL, t.transaction_id
  FROM sale_lines l JOIN transactions t ON t.seq = l.seq AND t.kind = 'sale'
  UNION ALL
  SELECT l.seq, l.line_no, l.sku, l.location, 'return_restock', l.quantity, 0, NULL, l.reason, t.transaction_id
  FROM return_lines l JOIN transactions t ON t.seq = l.seq AND t.kind = 'return' WHERE l.restock;
