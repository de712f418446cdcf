-- 0002_addresses_payments.sql: a user's postal addresses and saved payment cards (issue 4).
-- Times are UTC DATETIME(6) (the connection runs with time_zone '+00:00').

CREATE TABLE IF NOT EXISTS addresses (
  id             BIGINT NOT NULL AUTO_INCREMENT,
  user_id        BIGINT NOT NULL,
  name           VARCHAR(100) NOT NULL,               -- the label: "Home", "Office" ...
  phone_number   VARCHAR(32) NOT NULL,
  street_address VARCHAR(255) NOT NULL,
  city           VARCHAR(100) NOT NULL,
  state          VARCHAR(100) NULL,                   -- NULL: never given; '' kept as sent
  country        VARCHAR(100) NULL,
  postal_code    VARCHAR(20) NOT NULL,
  address_type   ENUM('home','work','other') NOT NULL DEFAULT 'home',
  is_default     TINYINT(1) NOT NULL DEFAULT 0,
  latitude       DOUBLE NULL,                         -- -90..90
  longitude      DOUBLE NULL,                         -- -180..180
  instructions   VARCHAR(500) NULL,                   -- delivery notes
  -- address_type for the default address of its type, NULL otherwise: the unique key below
  -- allows one default per (user, type) and any number of others.
  default_type   VARCHAR(5) AS (IF(is_default, address_type, NULL)) PERSISTENT,
  created_at     DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at     DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
                 ON UPDATE CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  -- A user's addresses (list, count, defaults of a type); also serves the foreign key.
  KEY ix_addresses_user (user_id, address_type),
  UNIQUE KEY uq_addresses_default (user_id, default_type),
  CONSTRAINT fk_addresses_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Saved cards. Never the card number or the CVV: only what a receipt shows.
CREATE TABLE IF NOT EXISTS payment_methods (
  id               BIGINT NOT NULL AUTO_INCREMENT,
  user_id          BIGINT NOT NULL,
  payment_type     VARCHAR(32) NOT NULL,              -- the client's word (a hint), as sent
  card_brand       VARCHAR(32) NOT NULL,              -- derived by the server from the number
  card_last_four   CHAR(4) CHARACTER SET ascii NOT NULL,
  card_exp_month   TINYINT UNSIGNED NOT NULL,         -- 1..12
  card_exp_year    SMALLINT UNSIGNED NOT NULL,        -- four digits
  card_holder_name VARCHAR(100) NOT NULL,
  is_default       TINYINT(1) NOT NULL DEFAULT 0,
  is_active        TINYINT(1) NOT NULL DEFAULT 1,
  -- 1 for the user's default card, NULL otherwise: one default per user.
  default_flag     TINYINT AS (IF(is_default, 1, NULL)) PERSISTENT,
  created_at       DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at       DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)
                   ON UPDATE CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  -- A user's cards (list, count, current default); also serves the foreign key.
  KEY ix_payment_methods_user (user_id, is_default),
  UNIQUE KEY uq_payment_methods_default (user_id, default_flag),
  CONSTRAINT fk_payment_methods_user FOREIGN KEY (user_id) REFERENCES users (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
