-- 0005_email_tokens.sql: email verification and password reset by emailed link (issue 4).

ALTER TABLE users
  ADD COLUMN email_verified_at DATETIME(6) NULL AFTER email_norm; -- NULL: not verified yet

-- Single-use tokens sent by email. Only the SHA-256 of a token is kept; the mail holds it.
CREATE TABLE user_email_tokens (
  id         BIGINT NOT NULL AUTO_INCREMENT,
  user_id    BIGINT NOT NULL,
  purpose    ENUM('verify_email','password_reset') NOT NULL,
  token_hash CHAR(64) CHARACTER SET ascii NOT NULL,
  email      VARCHAR(254) NOT NULL,       -- the address the link was sent to
  expires_at DATETIME(6) NOT NULL,
  used_at    DATETIME(6) NULL,            -- NULL while the token can still be used
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  -- A link is looked up by the hash of its token.
  UNIQUE KEY uq_email_tokens_hash (token_hash),
  -- A new link of a purpose retires the user's older ones; also serves the foreign key.
  KEY ix_email_tokens_user (user_id, purpose, used_at),
  CONSTRAINT fk_email_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
