-- Content created by DEMO is marked, so that it never reaches production unnoticed: a start with
-- DEMO off refuses a database that holds marked rows, and DEMO_PURGE=true deletes them with
-- everything that hangs off them (comments, signatures, follows…). Comments and signatures need
-- no mark of their own: they belong to a marked round, campaign or account.

ALTER TABLE account ADD COLUMN demo BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE consultation_round ADD COLUMN demo BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE campaign ADD COLUMN demo BOOLEAN NOT NULL DEFAULT FALSE;

-- Demo content written before this migration: the demo accounts' fixed addresses (the reserved
-- domain demo.example cannot be anyone's), and the demo rounds and campaigns they created.
UPDATE account SET demo = TRUE WHERE email IN ('citizen@demo.example', 'gragjanin@demo.example',
    'organizer@demo.example', 'reviewer.zajecar@demo.example', 'reviewer.vidin@demo.example',
    'moderator@demo.example', 'admin@demo.example');
UPDATE consultation_round SET demo = TRUE WHERE slug IN ('prekogranicni-turizam-2027', 'lokalni-proizvodi-2027',
    'medjuopstinska-saradnja-bor-negotin', 'dunavski-park-vidin', 'kladovo-riverside-draft')
    AND created_by IN (SELECT id FROM account WHERE demo = TRUE);
UPDATE campaign SET demo = TRUE WHERE slug IN ('staza-felix-romuliana-baba-vida', 'dunav-bez-plastike',
    'lokalni-proizvodi-na-pijaci', 'kulturna-ruta-knjazevac', 'ekoturizam-stara-planina')
    AND organizer_id IN (SELECT id FROM account WHERE demo = TRUE);
