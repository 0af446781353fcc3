-- The published report's documents (JSON, CSV, and the PDF in each reader's language), built once
-- and kept here, so that anonymous readers are served the stored bytes instead of a new build on
-- every request. A table rather than files: several instances share the database, not a disk.
-- The fingerprint says what the document was built from (the round's comments, their versions
-- and their authors' versions): a later change (a comment hidden, an account deleted) makes the
-- next request build the document again and replace the row.

CREATE TABLE report_document (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    round_id     BIGINT       NOT NULL,
    kind         VARCHAR(8)   NOT NULL,  -- JSON, CSV, PDF
    language     VARCHAR(8)   NOT NULL,  -- the PDF's language tag; '-' for JSON and CSV
    fingerprint  VARCHAR(64)  NOT NULL,
    content      LONGBLOB     NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    built_at     DATETIME(6)  NOT NULL,
    CONSTRAINT pk_report_document PRIMARY KEY (id),
    CONSTRAINT uq_report_document UNIQUE (round_id, kind, language),
    CONSTRAINT fk_report_document_round FOREIGN KEY (round_id) REFERENCES consultation_round (id)
) ${table_options};
