-- 0013_anon_cart_likes.sql: the anonymous web cart (issue 5, item 6) and Product.likes kept
-- by the wishlist. The cart: a signed-out browser's cart is found by the SHA-256 hex of a
-- random token kept in the browser's wm_cart cookie (the token itself is never stored, like
-- refresh tokens); it expires (expires_at, pushed back by every use) and the worker's cart_gc
-- job removes expired ones. At sign-in its lines move into the user's cart and the row goes.
-- A cart has exactly one owner: a user or a token.
ALTER TABLE carts
  MODIFY user_id BIGINT NULL,
  ADD COLUMN IF NOT EXISTS token_hash CHAR(64) CHARACTER SET ascii NULL AFTER user_id,
  ADD COLUMN IF NOT EXISTS expires_at DATETIME(6) NULL AFTER token_hash,
  -- What the last sign-in's merge adjusted or left out, one line per product, shown on the
  -- user's cart until its next write.
  ADD COLUMN IF NOT EXISTS merge_notice TEXT NULL AFTER expires_at;

-- The browser's lookup (and the row its writes lock); NULLs (users' carts) do not collide.
ALTER TABLE carts ADD UNIQUE KEY IF NOT EXISTS uq_carts_token (token_hash);
-- The clean-up's range scan over expired anonymous carts (users' carts have NULL).
ALTER TABLE carts ADD KEY IF NOT EXISTS ix_carts_expires (expires_at);

ALTER TABLE carts DROP CONSTRAINT IF EXISTS ck_carts_owner;
ALTER TABLE carts ADD CONSTRAINT ck_carts_owner
  CHECK ((user_id IS NULL) <> (token_hash IS NULL) AND (token_hash IS NULL) = (expires_at IS NULL));

-- Product.likes is the number of wishlists that hold the product (issue 5): kept by triggers
-- on wishlist_items in the writing statement's transaction (addToWishlist, removeFromWishlist),
-- and feeding the MOST_POPULAR sort (ix_products_popular). Rows removed by a foreign key's
-- cascade (a user or product deleted) fire no trigger in MariaDB; the recount below is the
-- repair. The recount also replaces counts written before this migration.
UPDATE products p SET p.likes = (SELECT COUNT(*) FROM wishlist_items w WHERE w.product_id = p.id);

DROP TRIGGER IF EXISTS wishlist_likes_insert;
CREATE TRIGGER wishlist_likes_insert AFTER INSERT ON wishlist_items FOR EACH ROW
  UPDATE products SET likes = likes + 1 WHERE id = NEW.product_id;

DROP TRIGGER IF EXISTS wishlist_likes_delete;
CREATE TRIGGER wishlist_likes_delete AFTER DELETE ON wishlist_items FOR EACH ROW
  UPDATE products SET likes = likes - (likes > 0) WHERE id = OLD.product_id;
