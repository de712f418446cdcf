-- 0001_accounts.sql: user accounts and their login sessions (issue 4).
-- Times are UTC DATETIME(6) (the connection runs with time_zone '+00:00').

CREATE TABLE users (
  id                BIGINT NOT NULL AUTO_INCREMENT,
  email             VARCHAR(254) NOT NULL,              -- as the user typed it (trimmed)
  email_norm        VARCHAR(254) COLLATE utf8mb4_bin NOT NULL, -- LOWER(email): login key
  password_hash     VARCHAR(255) NOT NULL,              -- Argon2id encoded, or a Django form
  first_name        VARCHAR(150) NOT NULL DEFAULT '',
  last_name         VARCHAR(150) NOT NULL DEFAULT '',
  account_type      ENUM('CUSTOMER','VENDOR','RESELLER') NOT NULL DEFAULT 'CUSTOMER',
  phone_number      VARCHAR(32) NULL,
  dob               DATE NULL,
  gender            ENUM('MALE','FEMALE','OTHER','PREFER_NOT_TO_SAY') NULL,
  street_address    VARCHAR(255) NULL,
  city              VARCHAR(128) NULL,
  country           VARCHAR(128) NULL,
  postal_code       VARCHAR(32) NULL,
  business_name     VARCHAR(255) NULL,
  terms_accepted_at DATETIME(6) NULL,                   -- NULL: terms never accepted
  is_active         TINYINT(1) NOT NULL DEFAULT 1,
  created_at        DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at        DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
                    ON UPDATE CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  -- Case-insensitive uniqueness of emails; login and the "taken" check look up by it.
  UNIQUE KEY uq_users_email_norm (email_norm)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sessions (
  id             BIGINT NOT NULL AUTO_INCREMENT,
  user_id        BIGINT NOT NULL,
  refresh_hash   CHAR(64) CHARACTER SET ascii NOT NULL, -- SHA-256 hex of the refresh token
  device_name    VARCHAR(128) NULL,
  device_type    VARCHAR(32) NULL,
  ip             VARCHAR(45) NULL,                    -- IPv4 or IPv6 text
  user_agent     VARCHAR(255) NULL,
  remember_me    TINYINT(1) NOT NULL DEFAULT 0,
  created_at     DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  last_active_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  expires_at     DATETIME(6) NOT NULL,                -- end of the refresh token's life
  revoked_at     DATETIME(6) NULL,                    -- NULL while the session is live
  PRIMARY KEY (id),
  -- Logout and refresh find the session by the hash of the presented token.
  UNIQUE KEY uq_sessions_refresh_hash (refresh_hash),
  -- A user's sessions (active sessions list, revoke all); also serves the foreign key.
  KEY ix_sessions_user (user_id, revoked_at),
  CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
