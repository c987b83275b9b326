-- The latest promotion analysis (models/: omnipos promo analyze, the daily promotion job): one row per promotion
-- measured, and its effects per measure (units, revenue, margin; 'units_vs_other_stores' for a regional promotion's
-- difference in differences) and component (lift, cannibalized, halo, dip, incremental) with their intervals. Each
-- analysis replaces them all, and records its run.
CREATE TABLE promotion_results (
    promotion_id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, starts_on DATE NOT NULL, ends_on DATE NOT NULL, skus INTEGER NOT NULL,
    locations INTEGER NOT NULL, complements VARCHAR[] NOT NULL, complete BOOLEAN NOT NULL, baseline_units DOUBLE NOT NULL,
    promoted_units DOUBLE NOT NULL);
CREATE TABLE promotion_effects (
    promotion_id VARCHAR NOT NULL, measure VARCHAR NOT NULL, component VARCHAR NOT NULL, value DOUBLE NOT NULL, low DOUBLE NOT NULL,
    high DOUBLE NOT NULL, PRIMARY KEY (promotion_id, measure, component));
CREATE TABLE promotion_runs (
    analysed_at TIMESTAMPTZ NOT NULL, promotions INTEGER NOT NULL, confidence DOUBLE NOT NULL, seconds DOUBLE NOT NULL);
