-- Patients: the record, its notes, calls and tasks, subject access requests
-- and merges. Alerts and AIS needs are JSON arrays on the row, so a search
-- result can show them without another query.

CREATE TABLE patients (
    id                TEXT PRIMARY KEY,
    title             TEXT NOT NULL DEFAULT '',
    forenames         TEXT NOT NULL,
    surname           TEXT NOT NULL,
    preferred_name    TEXT NOT NULL DEFAULT '',
    search_names      TEXT NOT NULL DEFAULT '', -- the names folded (no accents, Ł as L) for search
    dob               TEXT NOT NULL,            -- YYYY-MM-DD, a plain date
    sex               TEXT NOT NULL DEFAULT '',
    gender_identity   TEXT NOT NULL DEFAULT '',
    nhs_number        TEXT NOT NULL DEFAULT '', -- 10 digits, or empty
    address_line1     TEXT NOT NULL DEFAULT '',
    address_line2     TEXT NOT NULL DEFAULT '',
    town              TEXT NOT NULL DEFAULT '',
    county            TEXT NOT NULL DEFAULT '',
    postcode          TEXT NOT NULL DEFAULT '', -- normalised, e.g. 'LS1 4AP'
    phone_mobile      TEXT NOT NULL DEFAULT '', -- E.164
    phone_home        TEXT NOT NULL DEFAULT '',
    phone_work        TEXT NOT NULL DEFAULT '',
    email             TEXT NOT NULL DEFAULT '',
    gp_name           TEXT NOT NULL DEFAULT '',
    gp_practice       TEXT NOT NULL DEFAULT '',
    nok_name          TEXT NOT NULL DEFAULT '',
    nok_relationship  TEXT NOT NULL DEFAULT '',
    nok_phone         TEXT NOT NULL DEFAULT '',
    language          TEXT NOT NULL DEFAULT '',
    interpreter       INTEGER NOT NULL DEFAULT 0 CHECK (interpreter IN (0, 1)),
    consent_letter    INTEGER NOT NULL DEFAULT 1 CHECK (consent_letter IN (0, 1)),
    consent_phone     INTEGER NOT NULL DEFAULT 1 CHECK (consent_phone IN (0, 1)),
    consent_sms       INTEGER NOT NULL DEFAULT 0 CHECK (consent_sms IN (0, 1)),
    consent_email     INTEGER NOT NULL DEFAULT 0 CHECK (consent_email IN (0, 1)),
    alerts            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(alerts)),
    ais_needs         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(ais_needs)),
    ais_notes         TEXT NOT NULL DEFAULT '',
    ais_reviewed      TEXT NOT NULL DEFAULT '', -- YYYY-MM-DD
    last_treatment    TEXT NOT NULL DEFAULT '', -- YYYY-MM-DD
    status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived', 'merged')),
    merged_into       TEXT REFERENCES patients (id),
    archived_at       TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX patients_nhs ON patients (nhs_number) WHERE nhs_number <> '';
CREATE INDEX patients_dob ON patients (dob);
CREATE INDEX patients_postcode ON patients (postcode) WHERE postcode <> '';
CREATE INDEX patients_mobile ON patients (phone_mobile) WHERE phone_mobile <> '';
CREATE INDEX patients_home ON patients (phone_home) WHERE phone_home <> '';
CREATE INDEX patients_work ON patients (phone_work) WHERE phone_work <> '';
CREATE INDEX patients_surname ON patients (surname COLLATE NOCASE);

-- Names for search as you type, from search_names: folded in Go, so
-- "zoe" finds Zoë and "luk" finds Łukasz;
-- prefix indexes make each keystroke's query cheap. Kept in step with
-- patients by triggers, so always inside the same transaction.
CREATE VIRTUAL TABLE patient_names USING fts5 (
    names,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

CREATE TRIGGER patients_names_insert AFTER INSERT ON patients
BEGIN
    INSERT INTO patient_names (rowid, names)
    VALUES (NEW.rowid, NEW.search_names);
END;

CREATE TRIGGER patients_names_update AFTER UPDATE OF search_names ON patients
BEGIN
    DELETE FROM patient_names WHERE rowid = OLD.rowid;
    INSERT INTO patient_names (rowid, names)
    VALUES (NEW.rowid, NEW.search_names);
END;

CREATE TRIGGER patients_names_delete AFTER DELETE ON patients
BEGIN
    DELETE FROM patient_names WHERE rowid = OLD.rowid;
END;

-- Notes and the call log: the same shape, told apart by kind.
CREATE TABLE patient_notes (
    id          TEXT PRIMARY KEY,
    patient_id  TEXT NOT NULL REFERENCES patients (id),
    kind        TEXT NOT NULL CHECK (kind IN ('note', 'call')),
    direction   TEXT NOT NULL DEFAULT '' CHECK (direction IN ('', 'in', 'out')),
    body        TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX patient_notes_patient ON patient_notes (patient_id, created_at);

-- Follow-ups: "call back Mrs X on Tuesday" must never be forgotten.
CREATE TABLE tasks (
    id          TEXT PRIMARY KEY,
    patient_id  TEXT REFERENCES patients (id),
    title       TEXT NOT NULL,
    due         TEXT NOT NULL,          -- YYYY-MM-DD
    owner_id    TEXT NOT NULL REFERENCES users (id),
    done_at     TEXT NOT NULL DEFAULT '',
    done_by     TEXT NOT NULL DEFAULT '',
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX tasks_open ON tasks (due) WHERE done_at = '';
CREATE INDEX tasks_patient ON tasks (patient_id, due);

-- Subject access requests: the one-month clock (SPEC §4.5).
CREATE TABLE sar_requests (
    id            TEXT PRIMARY KEY,
    patient_id    TEXT NOT NULL REFERENCES patients (id),
    received      TEXT NOT NULL,        -- YYYY-MM-DD
    due           TEXT NOT NULL,
    due_extended  TEXT NOT NULL,
    requested_by  TEXT NOT NULL DEFAULT '',
    produced_at   TEXT NOT NULL DEFAULT '',
    sha256_pdf    TEXT NOT NULL DEFAULT '',
    sha256_json   TEXT NOT NULL DEFAULT '',
    created_by    TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX sar_requests_patient ON sar_requests (patient_id);
CREATE INDEX sar_requests_due ON sar_requests (due) WHERE produced_at = '';

-- A merge moves every row a duplicate owns to the survivor; what moved is
-- kept, so the merge can be undone exactly.
CREATE TABLE patient_merges (
    id           TEXT PRIMARY KEY,
    survivor_id  TEXT NOT NULL REFERENCES patients (id),
    merged_id    TEXT NOT NULL REFERENCES patients (id),
    moved        TEXT NOT NULL CHECK (json_valid(moved)),
    merged_by    TEXT NOT NULL,
    merged_at    TEXT NOT NULL,
    undone_by    TEXT NOT NULL DEFAULT '',
    undone_at    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX patient_merges_merged ON patient_merges (merged_id);
