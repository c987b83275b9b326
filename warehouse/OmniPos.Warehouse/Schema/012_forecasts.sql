-- The latest demand forecast (models/: omnipos train, the nightly training job): per SKU and location the method its
-- demand class chose and the typical daily error of that method in the backtests (for quantiles), and the mean demand
-- of each forecast day. Each training replaces them all, and records its run.
CREATE TABLE forecast_series (
    sku VARCHAR NOT NULL, location VARCHAR NOT NULL, pattern VARCHAR NOT NULL, method VARCHAR NOT NULL, daily_error DOUBLE NOT NULL,
    PRIMARY KEY (sku, location));
CREATE TABLE forecast_days (
    sku VARCHAR NOT NULL, location VARCHAR NOT NULL, business_date DATE NOT NULL, mean DOUBLE NOT NULL,
    PRIMARY KEY (sku, location, business_date));
CREATE TABLE forecast_runs (
    trained_at TIMESTAMPTZ NOT NULL, starts_on DATE NOT NULL, series INTEGER NOT NULL, history_days INTEGER NOT NULL,
    seconds DOUBLE NOT NULL, choices VARCHAR NOT NULL);
