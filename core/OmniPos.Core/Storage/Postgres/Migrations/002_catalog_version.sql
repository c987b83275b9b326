-- The append writer keeps the catalog facts it has read (stores, devices, which products, promotions, customers and
-- employees exist) from one transaction to the next while this version stays the same. Every statement that changes a
-- catalog table moves it on, in that statement's own transaction, even when triggers are off for replication or a
-- restore (ENABLE ALWAYS).
CREATE TABLE catalog_version (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version bigint NOT NULL);
INSERT INTO catalog_version (version) VALUES (0);

CREATE FUNCTION catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE catalog_version SET version = version + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER stores_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON stores FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER devices_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON devices FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER products_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON products FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER promotions_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON promotions FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER customers_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON customers FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
CREATE TRIGGER employees_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON employees FOR EACH STATEMENT EXECUTE FUNCTION catalog_changed();
ALTER TABLE stores ENABLE ALWAYS TRIGGER stores_changed;
ALTER TABLE devices ENABLE ALWAYS TRIGGER devices_changed;
ALTER TABLE products ENABLE ALWAYS TRIGGER products_changed;
ALTER TABLE promotions ENABLE ALWAYS TRIGGER promotions_changed;
ALTER TABLE customers ENABLE ALWAYS TRIGGER customers_changed;
ALTER TABLE employees ENABLE ALWAYS TRIGGER employees_changed;
