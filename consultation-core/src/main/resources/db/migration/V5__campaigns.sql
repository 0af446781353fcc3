-- Advocacy campaigns with an optional petition; signatures confirmed by mail and counted in
-- batches into per-municipality and per-country tallies, so that signing never waits on a hot row.

CREATE TABLE campaign (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    slug                 VARCHAR(80)   NOT NULL,
    title                VARCHAR(200)  NOT NULL,
    ask                  VARCHAR(500)  NOT NULL,   -- what the campaign asks of its target
    description          TEXT          NOT NULL,
    language             VARCHAR(10)   NOT NULL,
    target_municipality  BIGINT        NULL,       -- a municipality from our list …
    target_institution   VARCHAR(200)  NULL,       -- … or a named institution
    round_id             BIGINT        NULL,       -- the consultation round supporters are invited to comment on
    deadline             DATETIME(6)   NOT NULL,
    status               VARCHAR(20)   NOT NULL,   -- DRAFT, PENDING_REVIEW, PUBLISHED, CLOSED
    review_reason        VARCHAR(1000) NULL,       -- a moderator's public reason for a rejection
    organizer_id         BIGINT        NOT NULL,
    created_at           DATETIME(6)   NOT NULL,
    published_at         DATETIME(6)   NULL,
    closed_at            DATETIME(6)   NULL,
    retention_months     INT           NOT NULL DEFAULT 6,
    anonymized_at        DATETIME(6)   NULL,
    petition             BOOLEAN       NOT NULL DEFAULT FALSE,
    signature_goal       INT           NULL,
    response_threshold   INT           NULL,
    signature_count      INT           NOT NULL DEFAULT 0,  -- confirmed and counted, kept by the counting job
    invalidated_count    INT           NOT NULL DEFAULT 0,
    response_due_at      DATETIME(6)   NULL,       -- when the count crossed the response threshold
    response_text        TEXT          NULL,
    response_at          DATETIME(6)   NULL,
    response_by          BIGINT        NULL,
    version              INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_campaign PRIMARY KEY (id),
    CONSTRAINT uq_campaign_slug UNIQUE (slug),
    CONSTRAINT fk_campaign_target FOREIGN KEY (target_municipality) REFERENCES municipality (id),
    CONSTRAINT fk_campaign_round FOREIGN KEY (round_id) REFERENCES consultation_round (id),
    CONSTRAINT fk_campaign_organizer FOREIGN KEY (organizer_id) REFERENCES account (id),
    CONSTRAINT fk_campaign_responder FOREIGN KEY (response_by) REFERENCES account (id)
) ${table_options};

CREATE INDEX ix_campaign_status ON campaign (status, deadline);

CREATE TABLE signature (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    campaign_id      BIGINT        NOT NULL,
    name             VARCHAR(100)  NULL,      -- personal data: NULL once anonymized
    email            VARCHAR(254)  NULL,
    email_key        VARCHAR(254)  NULL,      -- the address normalised for "one signature per address"
    client_address   VARCHAR(45)   NULL,
    municipality_id  BIGINT        NULL,      -- NULL: "other", with country
    country          VARCHAR(2)    NOT NULL,
    consent_updates  BOOLEAN       NOT NULL,
    language         VARCHAR(10)   NOT NULL DEFAULT 'en',  -- the language mails to the signer are written in
    share_name       BOOLEAN       NOT NULL DEFAULT FALSE,
    token_hash       CHAR(64)      NULL,      -- SHA-256 of the mailed confirmation token
    earlier_token    CHAR(64)      NULL,      -- the link mailed before a repeat attempt: it keeps working too
    created_at       DATETIME(6)   NOT NULL,
    confirmed_at     DATETIME(6)   NULL,
    held             BOOLEAN       NOT NULL DEFAULT FALSE,  -- over a rate limit: counts only once a moderator clears it
    invalidated_at   DATETIME(6)   NULL,
    invalid_reason   VARCHAR(300)  NULL,
    counted          BOOLEAN       NOT NULL DEFAULT FALSE,  -- is in the tallies
    anonymized       BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT pk_signature PRIMARY KEY (id),
    CONSTRAINT uq_signature_email UNIQUE (campaign_id, email_key),
    CONSTRAINT uq_signature_token UNIQUE (token_hash),
    CONSTRAINT uq_signature_earlier_token UNIQUE (earlier_token),
    CONSTRAINT fk_signature_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id),
    CONSTRAINT fk_signature_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id)
) ${table_options};

-- The counting job's two questions: confirmed but not yet counted; counted but no longer valid.
CREATE INDEX ix_signature_counting ON signature (counted, confirmed_at);
CREATE INDEX ix_signature_campaign_time ON signature (campaign_id, confirmed_at);

CREATE TABLE signature_tally (
    campaign_id      BIGINT      NOT NULL,
    municipality_key BIGINT      NOT NULL,   -- the municipality's id, 0 for "other"
    country          VARCHAR(2)  NOT NULL,
    signatures       INT         NOT NULL,
    CONSTRAINT pk_signature_tally PRIMARY KEY (campaign_id, municipality_key, country),
    CONSTRAINT fk_signature_tally_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
) ${table_options};

-- One row per job, locked while the job runs, so that two instances never count the same batch twice.
CREATE TABLE job_lock (
    name      VARCHAR(40) NOT NULL,
    last_run  DATETIME(6) NULL,
    CONSTRAINT pk_job_lock PRIMARY KEY (name)
) ${table_options};

INSERT INTO job_lock (name) VALUES ('signature-counting');
INSERT INTO job_lock (name) VALUES ('campaign-lifecycle');

CREATE TABLE campaign_update (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    campaign_id  BIGINT      NOT NULL,
    author_id    BIGINT      NOT NULL,
    body         TEXT        NOT NULL,
    posted_at    DATETIME(6) NOT NULL,
    CONSTRAINT pk_campaign_update PRIMARY KEY (id),
    CONSTRAINT fk_campaign_update_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id),
    CONSTRAINT fk_campaign_update_author FOREIGN KEY (author_id) REFERENCES account (id)
) ${table_options};

ALTER TABLE round_comment ADD COLUMN campaign_id BIGINT NULL;
ALTER TABLE round_comment ADD CONSTRAINT fk_round_comment_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id);
