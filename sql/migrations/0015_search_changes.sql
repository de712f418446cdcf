-- 0015_search_changes.sql: the change log the search server (`market searchd`) follows to keep
-- its in-memory index in step with the catalog. Triggers add a row, in the writing statement's
-- transaction, whenever a product, the "in stock" state of its variants, or its category's
-- place in the tree changes; a row with product_id 0 means "read every product again" (the
-- seed writes one after a bulk load, made with @search_changes_off set so that a million
-- products do not each leave a row). The server reads rows in seq order and prunes those older
-- than an hour. Not logged: rows deleted by a foreign key's ON DELETE CASCADE (MariaDB fires no
-- trigger for them), i.e. the products of a deleted shop: the catalog drops ids it cannot load.
CREATE TABLE IF NOT EXISTS search_changes (
  seq        BIGINT NOT NULL AUTO_INCREMENT,
  product_id BIGINT NOT NULL,
  changed_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (seq),
  KEY ix_search_changes_at (changed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DROP TRIGGER IF EXISTS products_search_insert;
CREATE TRIGGER products_search_insert AFTER INSERT ON products FOR EACH ROW
BEGIN
  IF @search_changes_off IS NULL THEN
    INSERT INTO search_changes (product_id) VALUES (NEW.id);
  END IF;
END;

DROP TRIGGER IF EXISTS products_search_update;
CREATE TRIGGER products_search_update AFTER UPDATE ON products FOR EACH ROW
BEGIN
  IF @search_changes_off IS NULL THEN
    INSERT INTO search_changes (product_id) VALUES (NEW.id);
  END IF;
END;

DROP TRIGGER IF EXISTS products_search_delete;
CREATE TRIGGER products_search_delete AFTER DELETE ON products FOR EACH ROW
BEGIN
  IF @search_changes_off IS NULL THEN
    INSERT INTO search_changes (product_id) VALUES (OLD.id);
  END IF;
END;

DROP TRIGGER IF EXISTS variants_search_insert;
CREATE TRIGGER variants_search_insert AFTER INSERT ON product_variants FOR EACH ROW
BEGIN
  IF @search_changes_off IS NULL AND NEW.stock > 0 THEN
    INSERT INTO search_changes (product_id) VALUES (NEW.product_id);
  END IF;
END;

DROP TRIGGER IF EXISTS variants_search_update;
CREATE TRIGGER variants_search_update AFTER UPDATE ON product_variants FOR EACH ROW
BEGIN
  IF @search_changes_off IS NULL AND ((OLD.stock > 0) <> (NEW.stock > 0)
                                      OR OLD.product_id <> NEW.product_id) THEN
    INSERT INTO search_changes (product_id) VALUES (NEW.product_id);
    IF OLD.product_id <> NEW.product_id THEN
      INSERT INTO search_changes (product_id) VALUES (OLD.product_id);
    END IF;
  END IF;
END;

DROP TRIGGER IF EXISTS variants_search_delete;
CREATE TRIGGER variants_search_delete AFTER DELETE ON product_variants FOR EACH ROW
BEGIN
  IF @search_changes_off IS NULL AND OLD.stock > 0 THEN
    INSERT INTO search_changes (product_id) VALUES (OLD.product_id);
  END IF;
END;

DROP TRIGGER IF EXISTS categories_search_update;
CREATE TRIGGER categories_search_update AFTER UPDATE ON categories FOR EACH ROW
BEGIN
  IF @search_changes_off IS NULL AND (OLD.lft <> NEW.lft OR OLD.rgt <> NEW.rgt) THEN
    INSERT INTO search_changes (product_id) SELECT id FROM products WHERE category_id = NEW.id;
  END IF;
END;
