-- A referral's first appointment cancelled (by the patient or the clinic)
-- is a pathway event (issue 17): the pathway waits for a booking again,
-- and the next booking is recorded as booked. The kinds are a CHECK,
-- which SQLite cannot change in place: the table is made again with the
-- new kind, its rows copied, and its indexes and append-only triggers
-- made again as 0020 and 0024 made them. Nothing refers to this table;
-- dropping it fires no trigger.
CREATE TABLE referral_events_0025 (
    id              TEXT PRIMARY KEY,   -- UUIDv7
    referral_id     TEXT NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('referral_received', 'first_appointment_booked',
                        'first_appointment_attended', 'first_appointment_dna', 'decision_to_treat',
                        'first_definitive_treatment', 'active_monitoring_started', 'decision_not_to_treat',
                        'patient_declined_treatment', 'diagnosis_communicated', 'cancer_ruled_out', 'later_dna',
                        'discharged_to_referrer', 'transferred', 'first_appointment_cancelled')),
    on_date         TEXT NOT NULL,      -- YYYY-MM-DD, the day it happened
    appointment_id  TEXT NOT NULL DEFAULT '',
    note            TEXT NOT NULL DEFAULT '',
    recorded_by     TEXT NOT NULL,      -- user id
    recorded_at     TEXT NOT NULL       -- UTC
);
INSERT INTO referral_events_0025 (id, referral_id, kind, on_date, appointment_id, note, recorded_by, recorded_at)
    SELECT id, referral_id, kind, on_date, appointment_id, note, recorded_by, recorded_at FROM referral_events;
DROP TABLE referral_events;
ALTER TABLE referral_events_0025 RENAME TO referral_events;

CREATE INDEX referral_events_referral ON referral_events (referral_id, on_date, recorded_at);
CREATE INDEX referral_events_kind ON referral_events (kind, on_date, referral_id);

CREATE TRIGGER referral_events_no_update BEFORE UPDATE ON referral_events
BEGIN
    SELECT RAISE(ABORT, 'pathway events cannot be changed: record a new event instead');
END;

CREATE TRIGGER referral_events_no_delete BEFORE DELETE ON referral_events
WHEN EXISTS (SELECT 1 FROM referrals WHERE id = OLD.referral_id)
BEGIN
    SELECT RAISE(ABORT, 'pathway events cannot be deleted');
END;
