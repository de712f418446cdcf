-- 0004_sessions_2fa.sql: session lifetimes and refresh-token rotation, two-factor sign-in,
-- profile picture and password-change time (issue 4).

ALTER TABLE users
  ADD COLUMN profile_picture_url VARCHAR(1024) NULL AFTER business_name,
  ADD COLUMN password_changed_at DATETIME(6) NULL AFTER password_hash,
  -- Two-factor: the base32 TOTP secret once verify2FA confirmed it (NULL: 2FA off), the one
  -- enable2FA handed out and that waits for its first code, and the last time step a code
  -- was accepted for (a code is good once).
  ADD COLUMN totp_secret VARCHAR(64) CHARACTER SET ascii NULL,
  ADD COLUMN totp_pending_secret VARCHAR(64) CHARACTER SET ascii NULL,
  ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT -1,
  ADD COLUMN totp_enabled_at DATETIME(6) NULL;

-- Single-use backup codes of two-factor sign-in, stored as SHA-256 of the normalized code.
CREATE TABLE user_backup_codes (
  id         BIGINT NOT NULL AUTO_INCREMENT,
  user_id    BIGINT NOT NULL,
  code_hash  CHAR(64) CHARACTER SET ascii NOT NULL,
  used_at    DATETIME(6) NULL,                   -- NULL while the code can still be used
  created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  -- Sign-in looks for an unused code of the user; also serves the foreign key.
  KEY ix_backup_codes_user (user_id, used_at),
  CONSTRAINT fk_backup_codes_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A session ends at the latest at ends_at (auth.session_max_age after sign-in), whatever its
-- refresh tokens say; expires_at is the current refresh token's end, renewed on rotation.
ALTER TABLE sessions
  ADD COLUMN ends_at DATETIME(6) NULL AFTER expires_at,
  ADD COLUMN revoked_reason VARCHAR(32) CHARACTER SET ascii NULL AFTER revoked_at;
UPDATE sessions SET ends_at = expires_at WHERE ends_at IS NULL;
ALTER TABLE sessions MODIFY ends_at DATETIME(6) NOT NULL;

-- Refresh tokens a session has rotated away from. Presenting one again means it was copied:
-- the whole session is revoked (theft detection).
CREATE TABLE session_rotated_tokens (
  refresh_hash CHAR(64) CHARACTER SET ascii NOT NULL, -- SHA-256 hex of the old token
  session_id   BIGINT NOT NULL,
  rotated_at   DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  PRIMARY KEY (refresh_hash),
  KEY ix_rotated_session (session_id),
  CONSTRAINT fk_rotated_session FOREIGN KEY (session_id) REFERENCES sessions (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
