-- Children who miss an appointment "were not brought" (SPEC §2.5): the
-- letter goes to the parent or carer on the record, and the clinician is
-- prompted to consider safeguarding.
--
-- The parent or carer: title, forenames and surname apart (the letter's
-- salutation is built from them as the patient's is), how they are
-- related, a phone in E.164 and a postal address kept as the GP's is (0009:
-- lines joined by "\n", postcode last; '' is the child's own address).
-- Neither the patients_names triggers (0004) nor patients_diary (0007)
-- name these columns, so both are unchanged.
ALTER TABLE patients ADD COLUMN carer_title TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN carer_forenames TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN carer_surname TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN carer_relationship TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN carer_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE patients ADD COLUMN carer_address TEXT NOT NULL DEFAULT '';

-- A prompt to the clinician to consider safeguarding after a child was
-- not brought. It has a task's shape (patient, what, when, done by whom)
-- so the tasks module of SPEC §2.6 can take the rows over; until then it
-- stays on Today and on the appointment until someone acknowledges it.
-- One per missed appointment: marking it again does not prompt twice.
CREATE TABLE safeguarding_prompts (
    id              TEXT PRIMARY KEY,
    patient_id      TEXT NOT NULL REFERENCES patients (id),
    appointment_id  TEXT NOT NULL UNIQUE REFERENCES appointments (id) ON DELETE CASCADE,
    clinician_id    TEXT NOT NULL DEFAULT '',
    missed_count    INTEGER NOT NULL,        -- missed appointments in the DNA window, this one included
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    acknowledged_at TEXT NOT NULL DEFAULT '',
    acknowledged_by TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT ''  -- what the clinician decided, in their words
);
CREATE INDEX safeguarding_prompts_open ON safeguarding_prompts (created_at) WHERE acknowledged_at = '';
CREATE INDEX safeguarding_prompts_patient ON safeguarding_prompts (patient_id, created_at);

-- A letter may now be addressed to the parent or carer ('parent'): the
-- "was not brought" letter. SQLite cannot change a CHECK in place, so the
-- table is made again with the wider one and its rows copied over; nothing
-- refers to it.
CREATE TABLE letter_templates_0018 (
    name         TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    addressed_to TEXT NOT NULL CHECK (addressed_to IN ('patient', 'gp', 'complainant', 'parent')),
    subject      TEXT NOT NULL,
    body         TEXT NOT NULL,
    edited       INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)),
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL DEFAULT ''
);
INSERT INTO letter_templates_0018 (name, title, addressed_to, subject, body, edited, updated_at, updated_by)
    SELECT name, title, addressed_to, subject, body, edited, updated_at, updated_by FROM letter_templates;
DROP TABLE letter_templates;
ALTER TABLE letter_templates_0018 RENAME TO letter_templates;
