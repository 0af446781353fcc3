-- Issue 13: mail waits for an SMTP server that is away. Each failed attempt sets when the next
-- may be made (1, 2, 4 minutes, then every 5 minutes); a mail is given up after two days.
ALTER TABLE mail_message ADD COLUMN next_attempt_at DATETIME(6) NULL;

CREATE INDEX ix_mail_message_due ON mail_message (sent_at, next_attempt_at);
