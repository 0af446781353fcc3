-- Mail to a petition's signers (an update, the official response) is written to the outbox in
-- batches by a job, not in the transaction that posts it: a petition with tens of thousands of
-- consenting signers would otherwise write them all in one transaction. The row keeps where the
-- job got to, so a restart neither loses nor repeats a mail; a mailing whose batch keeps failing
-- is set aside after five failures, so that it does not hold up the others.

CREATE TABLE campaign_mailing (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    campaign_id     BIGINT      NOT NULL,
    kind            VARCHAR(30) NOT NULL,
    body            TEXT        NOT NULL,
    mailed          INT         NOT NULL DEFAULT 0,
    last_signature  BIGINT      NOT NULL DEFAULT 0,
    failures        INT         NOT NULL DEFAULT 0,
    created_at      DATETIME(6) NOT NULL,
    finished_at     DATETIME(6) NULL,
    CONSTRAINT pk_campaign_mailing PRIMARY KEY (id),
    CONSTRAINT fk_campaign_mailing_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
) ${table_options};

CREATE INDEX ix_campaign_mailing_open ON campaign_mailing (finished_at, id);

INSERT INTO job_lock (name) VALUES ('campaign-mailing');
