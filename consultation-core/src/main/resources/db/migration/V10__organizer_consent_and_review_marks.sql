-- Issue 12, stream A: flags no longer hide a comment by themselves, and joint rounds need every
-- organizer's consent.
--
-- A comment's status PENDING now means "flagged, still shown, under review until a moderator
-- decides" (it used to mean hidden after three flags). Comments flagged under the old rule that no
-- moderator has looked at yet are put under review too, so that the report waits for a decision.
UPDATE round_comment SET status = 'PENDING' WHERE status = 'VISIBLE' AND flag_count > 0;

-- Flags are limited per account, per hour and per round: counted from here.
CREATE INDEX ix_comment_flag_account ON comment_flag (account_id, created_at);
-- Comments and replies are limited per account per ten minutes: counted from here.
CREATE INDEX ix_round_comment_author ON round_comment (author_id, created_at);
-- The moderators' queue: comments under review, oldest first.
CREATE INDEX ix_round_comment_status ON round_comment (status, id);

-- The consent of each organizing municipality of a round. A municipality named by a reviewer who
-- is not one of its own reviewers is INVITED: the round cannot be scheduled until a reviewer of
-- that municipality ACCEPTS; declining takes the municipality off the round (the row stays as
-- DECLINED, for the record). An organizer without a row (rounds written before this version)
-- counts as having accepted. Each accepting municipality signs the report (signed_by, signed_at)
-- before it is published.
CREATE TABLE round_consent (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    round_id        BIGINT      NOT NULL,
    municipality_id BIGINT      NOT NULL,
    status          VARCHAR(10) NOT NULL,   -- INVITED, ACCEPTED, DECLINED
    invited_by      BIGINT      NOT NULL,
    invited_at      DATETIME(6) NOT NULL,
    answered_by     BIGINT      NULL,
    answered_at     DATETIME(6) NULL,
    signed_by       BIGINT      NULL,
    signed_at       DATETIME(6) NULL,
    version         INT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_round_consent PRIMARY KEY (id),
    CONSTRAINT uq_round_consent UNIQUE (round_id, municipality_id),
    CONSTRAINT fk_round_consent_round FOREIGN KEY (round_id) REFERENCES consultation_round (id),
    CONSTRAINT fk_round_consent_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id),
    CONSTRAINT fk_round_consent_invited_by FOREIGN KEY (invited_by) REFERENCES account (id),
    CONSTRAINT fk_round_consent_answered_by FOREIGN KEY (answered_by) REFERENCES account (id),
    CONSTRAINT fk_round_consent_signed_by FOREIGN KEY (signed_by) REFERENCES account (id)
) ${table_options};

CREATE INDEX ix_round_consent_open ON round_consent (municipality_id, status);
