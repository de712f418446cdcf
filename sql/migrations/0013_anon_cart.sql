-- 0013_anon_cart.sql: the anonymous web cart (issue 5, item 6). A signed-out browser's cart is
-- found by the SHA-256 hex of a random token kept in the browser's wm_cart cookie (the token
-- itself is never stored, like refresh tokens); it expires (expires_at, pushed back by every
-- write) and the worker's cart_gc job removes expired ones. At sign-in its lines move into the
-- user's cart and the row goes. A cart has exactly one owner: a user or a token.
ALTER TABLE carts
  MODIFY user_id BIGINT NULL,
  ADD COLUMN IF NOT EXISTS token_hash CHAR(64) CHARACTER SET ascii NULL AFTER user_id,
  ADD COLUMN IF NOT EXISTS expires_at DATETIME(6) NULL AFTER token_hash;

-- The browser's lookup (and the row its writes lock); NULLs (users' carts) do not collide.
ALTER TABLE carts ADD UNIQUE KEY IF NOT EXISTS uq_carts_token (token_hash);
-- The clean-up's range scan over expired anonymous carts (users' carts have NULL).
ALTER TABLE carts ADD KEY IF NOT EXISTS ix_carts_expires (expires_at);

ALTER TABLE carts DROP CONSTRAINT IF EXISTS ck_carts_owner;
ALTER TABLE carts ADD CONSTRAINT ck_carts_owner
  CHECK ((user_id IS NULL) <> (token_hash IS NULL) AND (token_hash IS NULL) = (expires_at IS NULL));
