-- 0011_onboarding.sql: switching account types (issue 4). A vendor who stops selling keeps
-- its shop and products, but its products on sale are paused (draft) so no list, search or
-- cart offers them; this table remembers which, so becoming a vendor again puts exactly those
-- back on sale. Times are UTC DATETIME(6).
CREATE TABLE IF NOT EXISTS shop_paused_products (
  product_id BIGINT NOT NULL,
  vendor_id  BIGINT NOT NULL,
  paused_at  DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (product_id),
  -- A shop's paused products, to put back on sale.
  KEY ix_shop_paused_products_vendor (vendor_id),
  CONSTRAINT fk_shop_paused_products_product FOREIGN KEY (product_id) REFERENCES products (id)
    ON DELETE CASCADE,
  CONSTRAINT fk_shop_paused_products_vendor FOREIGN KEY (vendor_id) REFERENCES vendors (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
