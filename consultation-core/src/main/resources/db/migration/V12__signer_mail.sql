-- Issue 12, stream C: mail written to a campaign's signers carries the campaign as its topic, so
-- that it is deleted (recipient and body) when the campaign's signers' personal data is let go.

ALTER TABLE mail_message ADD COLUMN topic VARCHAR(40) NULL;

CREATE INDEX ix_mail_message_topic ON mail_message (topic);
