-- Attachments of consultation rounds: PDF files up to 10 MB (checked by their content), kept
-- under DATA_DIR/attachments by a random name; the table keeps the name people gave them.

CREATE TABLE round_attachment (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    round_id     BIGINT       NOT NULL,
    file_name    VARCHAR(200) NOT NULL,
    stored_name  CHAR(36)     NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    uploaded_by  BIGINT       NOT NULL,
    uploaded_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_round_attachment PRIMARY KEY (id),
    CONSTRAINT uq_round_attachment_stored UNIQUE (stored_name),
    CONSTRAINT fk_round_attachment_round FOREIGN KEY (round_id) REFERENCES consultation_round (id),
    CONSTRAINT fk_round_attachment_account FOREIGN KEY (uploaded_by) REFERENCES account (id)
) ${table_options};

CREATE INDEX ix_round_attachment_round ON round_attachment (round_id, id);
