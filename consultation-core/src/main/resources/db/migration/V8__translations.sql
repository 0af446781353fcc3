-- Content in several languages: a round's or a campaign's title and summary (a campaign's ask)
-- translated, one translation per language (Serbian in either script serves readers of both).
-- "as_written": the author asked that the text be shown in the script it was written in, never
-- transliterated for the reader.

CREATE TABLE round_translation (
    round_id  BIGINT        NOT NULL,
    language  VARCHAR(10)   NOT NULL,
    title     VARCHAR(200)  NOT NULL,
    summary   VARCHAR(2000) NOT NULL,
    CONSTRAINT pk_round_translation PRIMARY KEY (round_id, language),
    CONSTRAINT fk_round_translation_round FOREIGN KEY (round_id) REFERENCES consultation_round (id)
) ${table_options};

CREATE TABLE campaign_translation (
    campaign_id  BIGINT        NOT NULL,
    language     VARCHAR(10)   NOT NULL,
    title        VARCHAR(200)  NOT NULL,
    summary      VARCHAR(500)  NOT NULL,   -- the ask
    CONSTRAINT pk_campaign_translation PRIMARY KEY (campaign_id, language),
    CONSTRAINT fk_campaign_translation_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id)
) ${table_options};

ALTER TABLE consultation_round ADD COLUMN as_written BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE campaign ADD COLUMN as_written BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE round_comment ADD COLUMN as_written BOOLEAN NOT NULL DEFAULT FALSE;
