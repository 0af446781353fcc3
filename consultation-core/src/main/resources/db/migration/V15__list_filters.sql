-- Public lists filtered by topic tag, and campaigns listed by status newest first.

CREATE INDEX ix_round_tag_tag ON round_tag (tag, round_id);
CREATE INDEX ix_campaign_published ON campaign (status, published_at);
