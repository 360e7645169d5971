-- The complaints register (SPEC §2.4): kept apart from the clinical record.
-- A complaint may be about a patient or not (the complainant need not be a
-- patient at all); its file outlives the patient's record, so deleting a
-- patient unlinks their complaints instead of deleting them.
--
-- Dates without a time (received, events, awareness, agreed response date,
-- delay letter) are YYYY-MM-DD clinic dates; instants are UTC.
--
-- The default and maximum response periods (working days) are rows of the
-- settings table, keys 'complaints.response_default_days' and
-- 'complaints.response_max_days'.

CREATE TABLE complaints (
    id                   TEXT PRIMARY KEY,      -- UUIDv7
    reference            TEXT NOT NULL UNIQUE,  -- 'C-2026-014'
    ref_year             INTEGER NOT NULL,      -- the year of receipt
    ref_seq              INTEGER NOT NULL CHECK (ref_seq > 0),
    complainant_name     TEXT NOT NULL,
    complainant_address  TEXT NOT NULL DEFAULT '',
    complainant_phone    TEXT NOT NULL DEFAULT '',  -- E.164 when valid
    complainant_email    TEXT NOT NULL DEFAULT '',
    complainant_status   TEXT NOT NULL CHECK (complainant_status IN ('patient', 'on_behalf', 'other')),
    -- Someone complaining on a patient's behalf needs the patient's consent.
    consent              TEXT NOT NULL DEFAULT '' CHECK (consent IN ('', 'yes', 'no')),
    consent_date         TEXT NOT NULL DEFAULT '',
    consent_note         TEXT NOT NULL DEFAULT '',
    patient_id           TEXT REFERENCES patients (id) ON DELETE SET NULL,
    channel              TEXT NOT NULL CHECK (channel IN ('oral', 'written', 'email')),
    received             TEXT NOT NULL,
    events_date          TEXT NOT NULL DEFAULT '',
    aware_date           TEXT NOT NULL DEFAULT '',
    description          TEXT NOT NULL,
    desired_outcome      TEXT NOT NULL DEFAULT '',
    owner_id             TEXT REFERENCES users (id),
    -- The response period agreed with the complainant: a number of working
    -- days after receipt, or a date; neither until one is agreed.
    response_days        INTEGER NOT NULL DEFAULT 0 CHECK (response_days >= 0),
    response_until       TEXT NOT NULL DEFAULT '',
    acknowledged         TEXT NOT NULL DEFAULT '',  -- the date it was acknowledged
    delay_letter_sent    TEXT NOT NULL DEFAULT '',
    status               TEXT NOT NULL DEFAULT 'received' CHECK (status IN
                             ('received', 'acknowledged', 'investigating', 'response_sent', 'closed', 'referred_phso')),
    status_at            TEXT NOT NULL,
    status_by            TEXT NOT NULL,
    outcome              TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('', 'upheld', 'partially_upheld', 'not_upheld')),
    signed_off_by        TEXT NOT NULL DEFAULT '',
    learning             TEXT NOT NULL DEFAULT '',
    -- The deadline being worked to (acknowledgement, then the final
    -- response), worked out by the app in the clinic's working days on
    -- every change; '' once the final response has been sent. It lets the
    -- overdue and due-soon lists read a range instead of every complaint.
    next_due             TEXT NOT NULL DEFAULT '',
    -- Reference, complainant and description folded (no accents, lower
    -- case) for the register's search box.
    search_text          TEXT NOT NULL DEFAULT '',
    created_at           TEXT NOT NULL,
    created_by           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    UNIQUE (ref_year, ref_seq),
    CHECK (response_days = 0 OR response_until = '')  -- days or a date, not both
);
CREATE INDEX complaints_status ON complaints (status, received);
CREATE INDEX complaints_due ON complaints (next_due) WHERE next_due <> '';
CREATE INDEX complaints_owner ON complaints (owner_id, status) WHERE owner_id IS NOT NULL;
CREATE INDEX complaints_patient ON complaints (patient_id) WHERE patient_id IS NOT NULL;
CREATE INDEX complaints_received ON complaints (received);

CREATE TABLE complaint_appointments (
    complaint_id    TEXT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    appointment_id  TEXT NOT NULL REFERENCES appointments (id) ON DELETE CASCADE,
    PRIMARY KEY (complaint_id, appointment_id)
);
CREATE INDEX complaint_appointments_appointment ON complaint_appointments (appointment_id);

CREATE TABLE complaint_subjects (
    complaint_id  TEXT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    subject       TEXT NOT NULL CHECK (subject IN ('clinical', 'appointments', 'communications', 'staff_attitude',
                      'waiting_times', 'prescribing', 'facilities', 'practice_administration', 'privacy_dignity', 'other')),
    PRIMARY KEY (complaint_id, subject)
);

CREATE TABLE complaint_staff_groups (
    complaint_id  TEXT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
    staff_group   TEXT NOT NULL CHECK (staff_group IN ('gp', 'nursing', 'practice_admin', 'allied_health', 'other')),
    PRIMARY KEY (complaint_id, staff_group)
);

-- Every move of a complaint, time-stamped (UTC) and attributed. Append-only:
-- the history is the evidence that the regulations were followed.
CREATE TABLE complaint_history (
    id             INTEGER PRIMARY KEY,
    complaint_id   TEXT NOT NULL REFERENCES complaints (id),
    from_status    TEXT NOT NULL,     -- '' for the complaint being logged
    to_status      TEXT NOT NULL,
    at             TEXT NOT NULL,
    by             TEXT NOT NULL,
    outcome        TEXT NOT NULL DEFAULT '',
    signed_off_by  TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT ''
);
CREATE INDEX complaint_history_complaint ON complaint_history (complaint_id, id);

CREATE TRIGGER complaint_history_no_update BEFORE UPDATE ON complaint_history
BEGIN
    SELECT RAISE(ABORT, 'a complaint''s history cannot be changed');
END;

CREATE TRIGGER complaint_history_no_delete BEFORE DELETE ON complaint_history
BEGIN
    SELECT RAISE(ABORT, 'a complaint''s history cannot be deleted');
END;

-- Notes, actions agreed and learning, added as the complaint is handled.
-- Append-only like the history: a correction is a new note.
CREATE TABLE complaint_notes (
    id            TEXT PRIMARY KEY,   -- UUIDv7
    complaint_id  TEXT NOT NULL REFERENCES complaints (id),
    kind          TEXT NOT NULL CHECK (kind IN ('note', 'action', 'learning')),
    body          TEXT NOT NULL CHECK (body <> ''),
    by            TEXT NOT NULL,
    at            TEXT NOT NULL
);
CREATE INDEX complaint_notes_complaint ON complaint_notes (complaint_id, at);

CREATE TRIGGER complaint_notes_no_update BEFORE UPDATE ON complaint_notes
BEGIN
    SELECT RAISE(ABORT, 'a complaint''s notes cannot be changed: add another');
END;

CREATE TRIGGER complaint_notes_no_delete BEFORE DELETE ON complaint_notes
BEGIN
    SELECT RAISE(ABORT, 'a complaint''s notes cannot be deleted');
END;
