-- Consultation rounds: a draft in numbered sections, organized by one or more municipalities,
-- commented on section by section, every comment answered with a disposition.

CREATE TABLE consultation_round (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    slug                VARCHAR(80)   NOT NULL,
    title               VARCHAR(200)  NOT NULL,
    summary             VARCHAR(2000) NOT NULL,
    language            VARCHAR(10)   NOT NULL,   -- the language the draft is written in
    status              VARCHAR(20)   NOT NULL,   -- DRAFT, SCHEDULED, OPEN, CLOSED, REPORT_PUBLISHED
    opens_at            DATETIME(6)   NULL,
    closes_at           DATETIME(6)   NULL,
    short_period_reason VARCHAR(1000) NULL,       -- shown publicly when a Bulgarian round is shorter than 30 days
    created_by          BIGINT        NOT NULL,
    created_at          DATETIME(6)   NOT NULL,
    report_published_at DATETIME(6)   NULL,
    version             INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_consultation_round PRIMARY KEY (id),
    CONSTRAINT uq_consultation_round_slug UNIQUE (slug),
    CONSTRAINT fk_consultation_round_creator FOREIGN KEY (created_by) REFERENCES account (id)
) ${table_options};

CREATE INDEX ix_consultation_round_status ON consultation_round (status, opens_at);

CREATE TABLE round_organizer (
    round_id        BIGINT NOT NULL,
    municipality_id BIGINT NOT NULL,
    CONSTRAINT pk_round_organizer PRIMARY KEY (round_id, municipality_id),
    CONSTRAINT fk_round_organizer_round FOREIGN KEY (round_id) REFERENCES consultation_round (id),
    CONSTRAINT fk_round_organizer_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id)
) ${table_options};

CREATE TABLE round_tag (
    round_id BIGINT      NOT NULL,
    tag      VARCHAR(40) NOT NULL,
    CONSTRAINT pk_round_tag PRIMARY KEY (round_id, tag),
    CONSTRAINT fk_round_tag_round FOREIGN KEY (round_id) REFERENCES consultation_round (id)
) ${table_options};

CREATE TABLE round_section (
    id       BIGINT       NOT NULL AUTO_INCREMENT,
    round_id BIGINT       NOT NULL,
    position INT          NOT NULL,             -- 1, 2, 3 …: the article's number
    heading  VARCHAR(300) NOT NULL,
    body     MEDIUMTEXT   NOT NULL,
    CONSTRAINT pk_round_section PRIMARY KEY (id),
    CONSTRAINT fk_round_section_round FOREIGN KEY (round_id) REFERENCES consultation_round (id)
) ${table_options};

CREATE INDEX ix_round_section_round ON round_section (round_id, position);

CREATE TABLE round_comment (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    round_id           BIGINT        NOT NULL,
    section_id         BIGINT        NULL,      -- NULL: on the whole draft
    parent_id          BIGINT        NULL,      -- a reply (one level)
    author_id          BIGINT        NOT NULL,
    stance             VARCHAR(10)   NOT NULL,  -- SUPPORTS, OPPOSES, NEUTRAL
    body               TEXT          NOT NULL,
    created_at         DATETIME(6)   NOT NULL,
    edited_at          DATETIME(6)   NULL,
    status             VARCHAR(12)   NOT NULL,  -- VISIBLE, PENDING (hidden by flags), HIDDEN (by a moderator)
    hidden_reason      VARCHAR(500)  NULL,
    flag_count         INT           NOT NULL DEFAULT 0,
    endorsement_count  INT           NOT NULL DEFAULT 0,
    disposition        VARCHAR(20)   NULL,      -- ACCEPTED, PARTLY_ACCEPTED, NOT_ACCEPTED, NOTED
    disposition_reason VARCHAR(3000) NULL,
    answered_by        BIGINT        NULL,
    answered_at        DATETIME(6)   NULL,
    version            INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_round_comment PRIMARY KEY (id),
    CONSTRAINT fk_round_comment_round FOREIGN KEY (round_id) REFERENCES consultation_round (id),
    CONSTRAINT fk_round_comment_section FOREIGN KEY (section_id) REFERENCES round_section (id),
    CONSTRAINT fk_round_comment_parent FOREIGN KEY (parent_id) REFERENCES round_comment (id),
    CONSTRAINT fk_round_comment_author FOREIGN KEY (author_id) REFERENCES account (id),
    CONSTRAINT fk_round_comment_answered_by FOREIGN KEY (answered_by) REFERENCES account (id)
) ${table_options};

-- Keyset pages of a round's comments (top level, then replies by parent), and per section.
CREATE INDEX ix_round_comment_keyset ON round_comment (round_id, parent_id, id);
CREATE INDEX ix_round_comment_section ON round_comment (round_id, section_id, id);
CREATE INDEX ix_round_comment_parent ON round_comment (parent_id, id);

CREATE TABLE comment_endorsement (
    comment_id BIGINT      NOT NULL,
    account_id BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_comment_endorsement PRIMARY KEY (comment_id, account_id),
    CONSTRAINT fk_comment_endorsement_comment FOREIGN KEY (comment_id) REFERENCES round_comment (id),
    CONSTRAINT fk_comment_endorsement_account FOREIGN KEY (account_id) REFERENCES account (id)
) ${table_options};

CREATE TABLE comment_flag (
    comment_id BIGINT       NOT NULL,
    account_id BIGINT       NOT NULL,
    reason     VARCHAR(500) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    CONSTRAINT pk_comment_flag PRIMARY KEY (comment_id, account_id),
    CONSTRAINT fk_comment_flag_comment FOREIGN KEY (comment_id) REFERENCES round_comment (id),
    CONSTRAINT fk_comment_flag_account FOREIGN KEY (account_id) REFERENCES account (id)
) ${table_options};

CREATE TABLE round_follow (
    round_id   BIGINT      NOT NULL,
    account_id BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT pk_round_follow PRIMARY KEY (round_id, account_id),
    CONSTRAINT fk_round_follow_round FOREIGN KEY (round_id) REFERENCES consultation_round (id),
    CONSTRAINT fk_round_follow_account FOREIGN KEY (account_id) REFERENCES account (id)
) ${table_options};
