-- A loyalty member's tier (bronze, silver, gold); null for a customer who is not a member.
ALTER TABLE customers ADD COLUMN loyalty_tier TEXT;
