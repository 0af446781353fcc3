-- Search across scripts: each searchable text keeps a normalised form (Serbian Cyrillic as Latin,
-- Bulgarian romanised, lower case, no diacritics: Зајечар, ZAJEČAR and Zajecar are all "zajecar").
-- On MariaDB a FULLTEXT index answers the queries; the embedded H2 database searches the column
-- as it is (${search_index} and ${search_type} differ per database).

ALTER TABLE consultation_round ADD COLUMN search_text ${search_type} NULL;
ALTER TABLE round_section ADD COLUMN search_text ${search_type} NULL;
ALTER TABLE round_comment ADD COLUMN search_text ${search_type} NULL;
ALTER TABLE campaign ADD COLUMN search_text ${search_type} NULL;

${search_index} ft_consultation_round_search ON consultation_round (search_text);
${search_index} ft_round_section_search ON round_section (search_text);
${search_index} ft_round_comment_search ON round_comment (search_text);
${search_index} ft_campaign_search ON campaign (search_text);
