-- A loyalty member's tier (bronze, silver, gold), null for a customer who is not a member, so sales and returns can be
-- read by tier.
ALTER TABLE dim_customer ADD COLUMN loyalty_tier VARCHAR;
