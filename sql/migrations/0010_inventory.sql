-- 0010_inventory.sql: stock per variant and location, with a ledger of every movement (issue 5,
-- item 5). product_variants.stock stays the total over a variant's locations, kept equal to
-- the sum of its inventory_levels rows by the inventory domain in the same transaction as the
-- ledger row, so catalog reads and the cart need no join. Quantities never go negative.
-- Times are UTC DATETIME(6).

-- Where a vendor keeps stock. Every shop has exactly one default location (made on first use
-- and by the backfill below); default_vendor_id makes "one default per vendor" a unique key.
CREATE TABLE IF NOT EXISTS inventory_locations (
  id                BIGINT NOT NULL AUTO_INCREMENT,
  vendor_id         BIGINT NOT NULL,
  name              VARCHAR(100) NOT NULL,
  is_default        TINYINT(1) NOT NULL DEFAULT 0,
  default_vendor_id BIGINT AS (IF(is_default = 1, vendor_id, NULL)) STORED,
  created_at        DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  -- A vendor's locations by name (also unique names per vendor); foreign key too.
  UNIQUE KEY uq_inventory_locations_name (vendor_id, name),
  UNIQUE KEY uq_inventory_locations_default (default_vendor_id),
  CONSTRAINT fk_inventory_locations_vendor FOREIGN KEY (vendor_id) REFERENCES vendors (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Units of a variant at a location.
CREATE TABLE IF NOT EXISTS inventory_levels (
  variant_id  BIGINT NOT NULL,
  location_id BIGINT NOT NULL,
  quantity    INT NOT NULL DEFAULT 0,
  updated_at  DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  PRIMARY KEY (variant_id, location_id),
  KEY ix_inventory_levels_location (location_id),
  CONSTRAINT fk_inventory_levels_variant FOREIGN KEY (variant_id) REFERENCES product_variants (id)
    ON DELETE CASCADE,
  CONSTRAINT fk_inventory_levels_location FOREIGN KEY (location_id)
    REFERENCES inventory_locations (id) ON DELETE CASCADE,
  CONSTRAINT ck_inventory_levels_quantity CHECK (quantity >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every stock movement: who, why, how much, and what the location held after it. Rows are
-- never updated or deleted (a mistake is corrected by another movement).
CREATE TABLE IF NOT EXISTS inventory_ledger (
  id             BIGINT NOT NULL AUTO_INCREMENT,
  vendor_id      BIGINT NOT NULL,
  product_id     BIGINT NOT NULL,
  variant_id     BIGINT NOT NULL,
  location_id    BIGINT NOT NULL,
  delta          INT NOT NULL,
  quantity_after INT NOT NULL,
  reason         ENUM('opening','received','count','sale','return','damaged','lost',
                      'transfer_in','transfer_out','correction') NOT NULL,
  note           VARCHAR(255) NULL,
  actor_user_id  BIGINT NULL,                 -- NULL: the system (seed, backfill, an order job)
  order_id       BIGINT NULL,                 -- the order a sale or return belongs to
  created_at     DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  -- A product's history, newest first (inventoryLedger(itemId)); a vendor's whole history.
  KEY ix_inventory_ledger_product (product_id, id),
  KEY ix_inventory_ledger_vendor (vendor_id, id),
  KEY ix_inventory_ledger_variant (variant_id, id),
  CONSTRAINT fk_inventory_ledger_variant FOREIGN KEY (variant_id) REFERENCES product_variants (id)
    ON DELETE CASCADE,
  CONSTRAINT fk_inventory_ledger_location FOREIGN KEY (location_id)
    REFERENCES inventory_locations (id),
  CONSTRAINT fk_inventory_ledger_actor FOREIGN KEY (actor_user_id) REFERENCES users (id)
    ON DELETE SET NULL,
  CONSTRAINT ck_inventory_ledger_after CHECK (quantity_after >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The stock level under which a product counts as low (InventoryItem.lowStockThreshold).
CREATE TABLE IF NOT EXISTS inventory_thresholds (
  product_id          BIGINT NOT NULL,
  low_stock_threshold INT NOT NULL,
  updated_at          DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  PRIMARY KEY (product_id),
  CONSTRAINT fk_inventory_thresholds_product FOREIGN KEY (product_id) REFERENCES products (id)
    ON DELETE CASCADE,
  CONSTRAINT ck_inventory_thresholds CHECK (low_stock_threshold >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Backfill: a default location for every shop, and the stock that exists already as an
-- opening balance there (ledger row, then level), for rows made before this migration.
INSERT INTO inventory_locations (vendor_id, name, is_default)
SELECT v.id, 'Main warehouse', 1 FROM vendors v
WHERE NOT EXISTS (SELECT 1 FROM inventory_locations l WHERE l.default_vendor_id = v.id);

INSERT INTO inventory_ledger (vendor_id, product_id, variant_id, location_id, delta,
                              quantity_after, reason)
SELECT p.vendor_id, p.id, pv.id, l.id, pv.stock, pv.stock, 'opening'
FROM product_variants pv
JOIN products p ON p.id = pv.product_id
JOIN inventory_locations l ON l.default_vendor_id = p.vendor_id
WHERE NOT EXISTS (SELECT 1 FROM inventory_levels x WHERE x.variant_id = pv.id);

INSERT INTO inventory_levels (variant_id, location_id, quantity)
SELECT pv.id, l.id, pv.stock
FROM product_variants pv
JOIN products p ON p.id = pv.product_id
JOIN inventory_locations l ON l.default_vendor_id = p.vendor_id
WHERE NOT EXISTS (SELECT 1 FROM inventory_levels x WHERE x.variant_id = pv.id);
