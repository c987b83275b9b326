-- What card reconciliation compares (DESIGN.md §5): each captured card tender (a card-present tender is captured when
-- sold; a card-not-present one by its capture events) beside the processor's settlement record with the same store,
-- token and auth code. Either side may be missing. $from, $through: the tender's business day, or for a settlement
-- no tender matches, the settlement's date.
WITH captured AS (
  SELECT t.store_id, t.business_date, t.transaction_id, t.tender_no, t.kind, t.card_token, t.auth_code,
         CASE WHEN t.kind = 'card_not_present'
              THEN coalesce((SELECT sum(a.amount) FROM fact_payment_adjustments a
                             WHERE a.transaction_id = t.transaction_id AND a.tender_no = t.tender_no AND a.kind = 'capture'), 0)
              ELSE t.amount END AS captured
  FROM fact_tenders t
  WHERE t.card_token IS NOT NULL),
paired AS (
  SELECT coalesce(c.store_id, s.store_id) AS store_id, coalesce(c.business_date, s.business_date) AS business_date,
         c.transaction_id, c.tender_no, c.kind, coalesce(c.card_token, s.processor_token) AS card_token,
         coalesce(c.auth_code, s.auth_code) AS auth_code, c.captured, s.business_date AS settlement_date, s.amount AS settled, s.fee
  FROM captured c
  FULL OUTER JOIN fact_settlements s
    ON s.store_id = c.store_id AND s.processor_token = c.card_token AND s.auth_code = c.auth_code)
SELECT store_id, business_date, transaction_id, tender_no, kind, card_token, auth_code, captured, settlement_date, settled, fee
FROM paired
WHERE business_date BETWEEN $from AND $through
  AND ($stores IS NULL OR list_contains($stores, store_id))
  AND (captured IS NULL OR captured <> 0 OR settled IS NOT NULL)
ORDER BY store_id, business_date, card_token, auth_code
