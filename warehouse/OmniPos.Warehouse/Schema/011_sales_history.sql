-- Daily sales history brought from a previous system (History/SalesHistoryImport.cs), for forecasting from years the
-- operational store never saw. One row per SKU, location and business day; units is NULL where demand is not known (the
-- item not yet on sale there, or a day the source marks out of stock: censored demand).
CREATE TABLE history_sales (
    sku VARCHAR NOT NULL,
    location VARCHAR NOT NULL,
    business_date DATE NOT NULL,
    units DOUBLE,
    price DECIMAL(18, 4),
    promoted BOOLEAN NOT NULL,
    in_stock BOOLEAN NOT NULL,
    source VARCHAR NOT NULL,
    PRIMARY KEY (sku, location, business_date)
);

-- What groups the SKUs and locations of the history (department and category; the region whose calendar flags apply).
CREATE TABLE history_items (sku VARCHAR PRIMARY KEY, department VARCHAR NOT NULL, category VARCHAR NOT NULL);
CREATE TABLE history_locations (location VARCHAR PRIMARY KEY, region VARCHAR NOT NULL);

-- Days known in advance: the type of a holiday or event on the day, and the regions with a flag such as SNAP that day.
CREATE TABLE history_calendar (business_date DATE PRIMARY KEY, event_type VARCHAR NOT NULL, flagged_regions VARCHAR[] NOT NULL);
