-- Accounts, roles, single-use tokens, sign-in throttling, mail, and the audit log.
-- Instants are stored in UTC as DATETIME(6).

CREATE TABLE account (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    email             VARCHAR(254)  NULL,      -- normalised; NULL once the account is deleted
    display_name      VARCHAR(100)  NOT NULL,
    password_hash     VARCHAR(400)  NULL,
    municipality_id   BIGINT        NULL,
    country           CHAR(2)       NOT NULL,  -- ISO 3166-1 alpha-2
    language          VARCHAR(10)   NOT NULL,  -- sr-Latn, sr-Cyrl, bg, en
    status            VARCHAR(12)   NOT NULL,  -- ACTIVE, BLOCKED, DELETED
    email_verified_at DATETIME(6)   NULL,
    created_at        DATETIME(6)   NOT NULL,
    deleted_at        DATETIME(6)   NULL,
    version           INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_account PRIMARY KEY (id),
    CONSTRAINT uq_account_email UNIQUE (email),
    CONSTRAINT fk_account_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id)
) ${table_options};

CREATE TABLE account_role (
    account_id BIGINT      NOT NULL,
    role       VARCHAR(20) NOT NULL,           -- ORGANIZER, MODERATOR, ADMINISTRATOR
    CONSTRAINT pk_account_role PRIMARY KEY (account_id, role),
    CONSTRAINT fk_account_role_account FOREIGN KEY (account_id) REFERENCES account (id)
) ${table_options};

-- A reviewer answers for one municipality: the grant is per municipality.
CREATE TABLE reviewer_grant (
    account_id      BIGINT NOT NULL,
    municipality_id BIGINT NOT NULL,
    CONSTRAINT pk_reviewer_grant PRIMARY KEY (account_id, municipality_id),
    CONSTRAINT fk_reviewer_grant_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_reviewer_grant_municipality FOREIGN KEY (municipality_id) REFERENCES municipality (id)
) ${table_options};

-- Mailed links: only the SHA-256 of the token is kept.
CREATE TABLE account_token (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    account_id  BIGINT       NOT NULL,
    purpose     VARCHAR(20)  NOT NULL,         -- VERIFY_EMAIL, RESET_PASSWORD, CHANGE_EMAIL
    token_hash  CHAR(64)     NOT NULL,
    new_email   VARCHAR(254) NULL,
    created_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    used_at     DATETIME(6)  NULL,
    CONSTRAINT pk_account_token PRIMARY KEY (id),
    CONSTRAINT uq_account_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_account_token_account FOREIGN KEY (account_id) REFERENCES account (id)
) ${table_options};

-- Failures and attempts counted per subject (a hashed address or e-mail), shared by all instances.
CREATE TABLE throttle (
    scope         VARCHAR(20) NOT NULL,
    subject       CHAR(64)    NOT NULL,
    attempts      INT         NOT NULL,
    window_start  DATETIME(6) NOT NULL,
    last_attempt  DATETIME(6) NOT NULL,
    version       INT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_throttle PRIMARY KEY (scope, subject)
) ${table_options};

-- Every mail the platform sends; the body is cleared once delivered by SMTP.
CREATE TABLE mail_message (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    recipient    VARCHAR(254) NOT NULL,
    subject      VARCHAR(300) NOT NULL,
    body         MEDIUMTEXT   NULL,
    created_at   DATETIME(6)  NOT NULL,
    sent_at      DATETIME(6)  NULL,
    attempts     INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_mail_message PRIMARY KEY (id)
) ${table_options};

CREATE INDEX ix_mail_message_unsent ON mail_message (sent_at, id);

-- Privileged actions; the application only ever inserts here.
CREATE TABLE audit_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    occurred_at DATETIME(6)   NOT NULL,
    actor_id    BIGINT        NULL,
    actor_name  VARCHAR(100)  NOT NULL,
    action      VARCHAR(40)   NOT NULL,
    subject     VARCHAR(200)  NOT NULL,
    details     VARCHAR(1000) NULL,
    address     VARCHAR(64)   NULL,
    CONSTRAINT pk_audit_event PRIMARY KEY (id)
) ${table_options};

CREATE INDEX ix_audit_event_time ON audit_event (occurred_at, id);
CREATE INDEX ix_audit_event_action ON audit_event (action, occurred_at);

-- Per-municipality rule for Serbian consultation rounds (at least 15 days unless set higher).
ALTER TABLE municipality ADD COLUMN min_consultation_days INT NOT NULL DEFAULT 15;
UPDATE municipality SET min_consultation_days = 30 WHERE country = 'BG';
