-- Letters (SPEC §2.5): the templates a practice manager edits, and the
-- correspondence log of every letter and slip generated.
--
-- The default templates are written in Go (app/letters/templates) and are
-- copied in by the app on first use, so this file stays plain SQL; edited
-- says the manager has changed one since, and reset copies the default back.
CREATE TABLE letter_templates (
    name         TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    addressed_to TEXT NOT NULL CHECK (addressed_to IN ('patient', 'gp', 'complainant')),
    subject      TEXT NOT NULL,
    body         TEXT NOT NULL,
    edited       INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)),
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL DEFAULT ''
);

-- One row per letter or slip generated. content is what was printed (JSON,
-- without the logo), so "Print again" makes the same PDF, and sha256 is the
-- PDF's hash, so a reprint can be shown to be identical. A letter goes when
-- its patient's record is deleted.
CREATE TABLE letter_log (
    id             TEXT PRIMARY KEY,
    patient_id     TEXT NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('letter', 'slip')),
    template       TEXT NOT NULL,
    title          TEXT NOT NULL,
    appointment_id TEXT NOT NULL DEFAULT '',
    content        TEXT NOT NULL CHECK (json_valid(content)),
    sha256         TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    created_at     TEXT NOT NULL
);

CREATE INDEX letter_log_patient ON letter_log (patient_id, created_at);
