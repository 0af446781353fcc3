-- Municipalities of the cross-border area. Names in Latin and Cyrillic as each country writes them.
CREATE TABLE municipality (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    code          VARCHAR(40)  NOT NULL,
    country       CHAR(2)      NOT NULL,
    name_latin    VARCHAR(100) NOT NULL,
    name_cyrillic VARCHAR(100) NOT NULL,
    version       INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_municipality PRIMARY KEY (id),
    CONSTRAINT uq_municipality_code UNIQUE (code),
    CONSTRAINT ck_municipality_country CHECK (country IN ('RS', 'BG'))
) ${table_options};

CREATE INDEX ix_municipality_country ON municipality (country, name_latin);
