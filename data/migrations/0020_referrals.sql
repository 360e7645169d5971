-- Referrals in and out (SPEC §2.6, issue 17): one row per referral with the
-- desk's fields, and an append-only list of pathway events from which the
-- clocks are computed (never typed). Chase dates are a JSON list of
-- YYYY-MM-DD on the row, so a merge or deletion takes them along.

CREATE TABLE referrals (
    id               TEXT PRIMARY KEY,   -- UUIDv7
    patient_id       TEXT NOT NULL REFERENCES patients (id),
    direction        TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    party_name       TEXT NOT NULL DEFAULT '',  -- the referrer (in) or the destination (out)
    party_org        TEXT NOT NULL DEFAULT '',
    party_address    TEXT NOT NULL DEFAULT '',
    party_ods        TEXT NOT NULL DEFAULT '',
    date             TEXT NOT NULL,             -- YYYY-MM-DD: received (in) or sent (out)
    urgency          TEXT NOT NULL CHECK (urgency IN ('routine', 'urgent', 'suspected_cancer')),
    kind             TEXT NOT NULL CHECK (kind IN ('rtt', 'cancer', 'other')),
    reason           TEXT NOT NULL DEFAULT '',
    documents        TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'replied', 'closed')),
    owner_id         TEXT REFERENCES users (id),
    clinician_id     TEXT REFERENCES clinicians (id),
    acknowledged_on  TEXT NOT NULL DEFAULT '',
    reply_due_by     TEXT NOT NULL DEFAULT '',
    chase_dates      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(chase_dates)),
    reply_on         TEXT NOT NULL DEFAULT '',
    closed_by        TEXT NOT NULL DEFAULT '',
    closed_at        TEXT NOT NULL DEFAULT '',  -- UTC
    close_reason     TEXT NOT NULL DEFAULT '',
    created_by       TEXT NOT NULL,
    created_at       TEXT NOT NULL              -- UTC
);
-- The PTL and the worklists read the open referrals by date; a patient's
-- record and a clinician's list read theirs.
CREATE INDEX referrals_open ON referrals (date, created_at) WHERE status <> 'closed';
CREATE INDEX referrals_patient ON referrals (patient_id, date);
CREATE INDEX referrals_clinician ON referrals (clinician_id, date) WHERE clinician_id IS NOT NULL;
CREATE INDEX referrals_owner ON referrals (owner_id, date) WHERE owner_id IS NOT NULL;

-- What happened on a referral's pathway, and who recorded it when.
-- appointment_id names the appointment an event came from, if any (not a
-- foreign key: a rebooked or deleted appointment must not change history).
CREATE TABLE referral_events (
    id              TEXT PRIMARY KEY,   -- UUIDv7
    referral_id     TEXT NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('referral_received', 'first_appointment_booked',
                        'first_appointment_attended', 'first_appointment_dna', 'decision_to_treat',
                        'first_definitive_treatment', 'active_monitoring_started', 'decision_not_to_treat',
                        'patient_declined_treatment', 'diagnosis_communicated', 'cancer_ruled_out', 'later_dna',
                        'discharged_to_referrer', 'transferred')),
    on_date         TEXT NOT NULL,      -- YYYY-MM-DD, the day it happened
    appointment_id  TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    recorded_by     TEXT NOT NULL,      -- user id
    recorded_at     TEXT NOT NULL       -- UTC
);
CREATE INDEX referral_events_referral ON referral_events (referral_id, on_date, recorded_at);

-- Append-only, as the audit trail is. The one deletion allowed is the
-- cascade when the referral itself goes (a patient's record deleted by a
-- manager): by then the referral row no longer exists.
CREATE TRIGGER referral_events_no_update BEFORE UPDATE ON referral_events
BEGIN
    SELECT RAISE(ABORT, 'pathway events cannot be changed: record a new event instead');
END;

CREATE TRIGGER referral_events_no_delete BEFORE DELETE ON referral_events
WHEN EXISTS (SELECT 1 FROM referrals WHERE id = OLD.referral_id)
BEGIN
    SELECT RAISE(ABORT, 'pathway events cannot be deleted');
END;

-- An appointment booked for a referral: its attendance or DNA becomes an
-- event on that referral without retyping. Kept beside appointments rather
-- than as a column of theirs, so the diary's reads are unchanged.
CREATE TABLE referral_appointments (
    appointment_id  TEXT PRIMARY KEY REFERENCES appointments (id) ON DELETE CASCADE,
    referral_id     TEXT NOT NULL REFERENCES referrals (id) ON DELETE CASCADE
);
CREATE INDEX referral_appointments_referral ON referral_appointments (referral_id);
