-- 0009_cart.sql: the buyer's cart and wishlist (issue 5, items 2 and 6). One cart per user,
-- one line per product; prices are not stored in the cart: they are worked out at every read
-- from the catalog (products, product_price_tiers, product_account_prices, vendors), so a
-- price change shows at once. Times are UTC DATETIME(6).
-- (0008 is the catalog's writes and may land after this file; see sql/migrations/README.md.)

-- A user's cart. Created by the user's first cart read or write.
CREATE TABLE IF NOT EXISTS carts (
  id         BIGINT NOT NULL AUTO_INCREMENT,
  user_id    BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  -- One cart per user: the owner's lookup, and the row every cart write locks.
  UNIQUE KEY uq_carts_user (user_id),
  CONSTRAINT fk_carts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A product in a cart, in units (quantity checked against the product's rules on every write
-- and re-checked on every read).
CREATE TABLE IF NOT EXISTS cart_items (
  id         BIGINT NOT NULL AUTO_INCREMENT,
  cart_id    BIGINT NOT NULL,
  product_id BIGINT NOT NULL,
  quantity   INT NOT NULL,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  -- A cart's lines, and a product's line in a cart (the app's product-id-as-cartItemId).
  UNIQUE KEY uq_cart_items_product (cart_id, product_id),
  KEY ix_cart_items_product (product_id),
  CONSTRAINT fk_cart_items_cart FOREIGN KEY (cart_id) REFERENCES carts (id) ON DELETE CASCADE,
  CONSTRAINT fk_cart_items_product FOREIGN KEY (product_id) REFERENCES products (id)
    ON DELETE CASCADE,
  CONSTRAINT ck_cart_items_quantity CHECK (quantity >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A product a user saved for later, once per user and product.
CREATE TABLE IF NOT EXISTS wishlist_items (
  id         BIGINT NOT NULL AUTO_INCREMENT,
  user_id    BIGINT NOT NULL,
  product_id BIGINT NOT NULL,
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  -- The user's list (newest first by id) and the (user, product) lookup of add and remove.
  UNIQUE KEY uq_wishlist_items_product (user_id, product_id),
  KEY ix_wishlist_items_product (product_id),
  CONSTRAINT fk_wishlist_items_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_wishlist_items_product FOREIGN KEY (product_id) REFERENCES products (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
