-- 0007_media.sql: uploaded images (issue 5, item 7). One row per upload: the re-encoded image
-- and its thumbnails live in the storage backend (media.storage) under storage_key and the
-- derived keys <stem>_400.<ext> and <stem>_1200.<ext>. Products and profiles refer to an image
-- by its public URL; media_mark_referenced() sets referenced_at, and the media_gc job removes
-- anonymous uploads that nothing referenced within media.anon_ttl_s.
-- Times are UTC DATETIME(6).

CREATE TABLE IF NOT EXISTS media (
  id            BIGINT NOT NULL AUTO_INCREMENT,
  owner_id      BIGINT NULL,                              -- users.id; NULL: anonymous upload
  storage_key   VARCHAR(128) CHARACTER SET ascii NOT NULL, -- "2026/11/<32 hex>.jpg"
  content_type  VARCHAR(32) CHARACTER SET ascii NOT NULL,  -- image/jpeg, image/png, image/webp
  bytes         BIGINT NOT NULL,                          -- size of the stored (re-encoded) image
  width         INT NOT NULL,
  height        INT NOT NULL,
  source        ENUM('upload','presigned') NOT NULL DEFAULT 'upload',
  created_at    DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  referenced_at DATETIME(6) NULL,                         -- NULL: nothing uses it (yet)
  PRIMARY KEY (id),
  -- media_mark_referenced() finds a row by the key inside a URL.
  UNIQUE KEY uq_media_key (storage_key),
  -- media_gc: anonymous, unreferenced, older than the TTL.
  KEY ix_media_gc (referenced_at, owner_id, created_at),
  KEY ix_media_owner (owner_id, created_at),
  CONSTRAINT fk_media_owner FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
