-- 0003_jobs.sql: the transactional outbox of background jobs (issue 4, mail flows).
-- A domain inserts a row in the same transaction as the change it announces (jobs_enqueue);
-- `market worker` claims due rows with SELECT ... FOR UPDATE SKIP LOCKED, runs them, and marks
-- them done, queued again (with a backoff) or dead. Times are UTC DATETIME(6).

CREATE TABLE jobs (
  id          BIGINT NOT NULL AUTO_INCREMENT,
  kind        VARCHAR(32) CHARACTER SET ascii NOT NULL,       -- a row of src/worker/jobs.c
  payload     MEDIUMTEXT NOT NULL,                            -- JSON, read by the kind's handler
  state       ENUM('queued','running','done','dead') NOT NULL DEFAULT 'queued',
  attempts    INT NOT NULL DEFAULT 0,                         -- claims so far
  -- queued: when the job is due; running: when its lease ends (then it is due again, as a
  -- worker that died would leave it); done/dead: when it finished.
  run_at      DATETIME(6) NOT NULL,
  lease_token CHAR(32) CHARACTER SET ascii NULL,              -- the claim holding a running job
  last_error  VARCHAR(1000) NULL,                             -- why the last try failed
  created_at  DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  updated_at  DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  PRIMARY KEY (id),
  -- The worker's claim: due queued jobs and expired leases, oldest first.
  KEY ix_jobs_due (state, run_at),
  CONSTRAINT ck_jobs_payload CHECK (JSON_VALID(payload))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
