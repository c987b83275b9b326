-- Only returns name an original receipt; a sale wrote a NULL entry into this index all the same, one index insert of
-- every sale for nothing. The lookups by original (refunds of an awaited sale, a receipt's returns) compare the column,
-- which implies it is not null, so they use the partial index.
DROP INDEX transactions_by_original;
CREATE INDEX transactions_by_original ON transactions (original_transaction_id) WHERE original_transaction_id IS NOT NULL;
