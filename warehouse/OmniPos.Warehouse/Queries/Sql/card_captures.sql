-- What card reconciliation compares (DESIGN.md §5): each captured card tender (a card-present tender is captured when
-- sold; a card-not-present one by its capture events) of the period beside the processor's settlement record with the
-- same store, token and auth code, whatever its date; and each settlement dated in the period that no tender matches.
-- $from, $through: the tender's business day, or for a settlement no tender matches, the settlement's date.
WITH captured AS (
  SELECT t.store_id, t.business_date, t.transaction_id, t.tender_no, t.kind, t.card_token, t.auth_code,
         CASE WHEN t.kind = 'card_not_present'
              THEN coalesce((SELECT sum(a.amount) FROM fact_payment_adjustments a
                             WHERE a.transaction_id = t.transaction_id AND a.tender_no = t.tender_no AND a.kind = 'capture'), 0)
              ELSE t.amount END AS captured
  FROM fact_tenders t
  WHERE t.card_token IS NOT NULL AND t.business_date BETWEEN $from AND $through
    AND ($stores IS NULL OR list_contains($stores, t.store_id))),
paired AS (
  SELECT c.store_id, c.business_date, c.transaction_id, c.tender_no, c.kind, c.card_token, c.auth_code, c.captured,
         s.business_date AS settlement_date, s.amount AS settled, s.fee
  FROM captured c
  LEFT JOIN fact_settlements s ON s.store_id = c.store_id AND s.processor_token = c.card_token AND s.auth_code = c.auth_code
  WHERE c.captured <> 0 OR s.amount IS NOT NULL),
uncaptured AS (
  SELECT s.store_id, s.business_date, CAST(NULL AS VARCHAR) AS transaction_id, CAST(NULL AS INTEGER) AS tender_no,
         CAST(NULL AS VARCHAR) AS kind, s.processor_token AS card_token,
         s.auth_code, CAST(NULL AS DECIMAL(18,4)) AS captured, s.business_date AS settlement_date, s.amount AS settled, s.fee
  FROM mart_unmatched_settlements s
  WHERE s.business_date BETWEEN $from AND $through
    AND ($stores IS NULL OR list_contains($stores, s.store_id)))
SELECT * FROM paired
UNION ALL
SELECT * FROM uncaptured
ORDER BY store_id, business_date, card_token, auth_code
