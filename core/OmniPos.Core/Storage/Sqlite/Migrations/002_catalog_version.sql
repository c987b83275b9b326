-- The append writer keeps the catalog facts it has read (stores, devices, which products, promotions, customers and
-- employees exist) from one transaction to the next while this version stays the same. Every row a catalog table gains,
-- changes or loses moves it on, in the changing transaction.
CREATE TABLE catalog_version (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  version INTEGER NOT NULL);
INSERT INTO catalog_version (singleton, version) VALUES (1, 0);

CREATE TRIGGER stores_inserted AFTER INSERT ON stores BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER stores_updated AFTER UPDATE ON stores BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER stores_deleted AFTER DELETE ON stores BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER devices_inserted AFTER INSERT ON devices BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER devices_updated AFTER UPDATE ON devices BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER devices_deleted AFTER DELETE ON devices BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER products_inserted AFTER INSERT ON products BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER products_updated AFTER UPDATE ON products BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER products_deleted AFTER DELETE ON products BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER promotions_inserted AFTER INSERT ON promotions BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER promotions_updated AFTER UPDATE ON promotions BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER promotions_deleted AFTER DELETE ON promotions BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER customers_inserted AFTER INSERT ON customers BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER customers_updated AFTER UPDATE ON customers BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER customers_deleted AFTER DELETE ON customers BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER employees_inserted AFTER INSERT ON employees BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER employees_updated AFTER UPDATE ON employees BEGIN UPDATE catalog_version SET version = version + 1; END;
CREATE TRIGGER employees_deleted AFTER DELETE ON employees BEGIN UPDATE catalog_version SET version = version + 1; END;
