-- A letter may now be addressed to the one who referred a patient to us
-- ('referrer': the acknowledgement) or to the service we referred them to
-- ('service': the referral and its chase). SQLite cannot change a CHECK in
-- place, so the table is made again with the wider one and its rows copied
-- over, as 0018 did; nothing refers to it.
CREATE TABLE letter_templates_0022 (
    name         TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    addressed_to TEXT NOT NULL CHECK (addressed_to IN ('patient', 'gp', 'complainant', 'parent', 'referrer', 'service')),
    subject      TEXT NOT NULL,
    body         TEXT NOT NULL,
    edited       INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)),
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL DEFAULT ''
);
INSERT INTO letter_templates_0022 (name, title, addressed_to, subject, body, edited, updated_at, updated_by)
    SELECT name, title, addressed_to, subject, body, edited, updated_at, updated_by FROM letter_templates;
DROP TABLE letter_templates;
ALTER TABLE letter_templates_0022 RENAME TO letter_templates;

-- A letter about a referral names it, so the chase letter can say when we
-- last wrote and the referral's page can list its letters.
ALTER TABLE letter_log ADD COLUMN referral_id TEXT NOT NULL DEFAULT '';
CREATE INDEX letter_log_referral ON letter_log (referral_id, template, created_at) WHERE referral_id <> '';

-- Who sent a referral in: the patient's GP, another clinic or hospital, or
-- the patient themselves ('' for a referral out). A letter may say "your
-- GP would need to refer you again" only to a patient their GP referred.
ALTER TABLE referrals ADD COLUMN source TEXT NOT NULL DEFAULT '' CHECK (source IN ('', 'gp', 'clinic', 'self'));
UPDATE referrals SET source = 'gp' WHERE direction = 'in';
