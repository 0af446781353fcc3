-- Issue 12, stream B: sessions end when what they rest on changes, throttle keys are keyed hashes
-- purged when their window ends.

-- Raised by a password change or reset, a block and a revoked role or reviewer grant; a session
-- signed in under an older value is ended at its next request.
ALTER TABLE account ADD COLUMN credentials_version INT NOT NULL DEFAULT 0;

-- Counters were keyed by the plain SHA-256 of an address, which anyone can compute; they are keyed
-- by an HMAC with a secret of the site's from now on. The old counters cannot be translated and
-- are dropped (at most an hour of counting is lost at the upgrade).
DELETE FROM throttle;
ALTER TABLE throttle ADD COLUMN expires_at DATETIME(6) NOT NULL;
CREATE INDEX ix_throttle_expires ON throttle (expires_at);

-- Secrets of the site made at its first start (256 random bits, Base64): the same for every
-- instance on this database.
CREATE TABLE site_secret (
    name        VARCHAR(40)  NOT NULL,
    secret      VARCHAR(100) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_site_secret PRIMARY KEY (name)
) ${table_options};
