-- The reports of issue 18 count a year of the diary, the register and the
-- letters log in SQL, grouped by week or month. Each reads an index (or,
-- for the diary's totals, a small table) that holds the range and every
-- column it counts, so a year at a million appointments is a range scan
-- of something narrow, never of the appointments table.

-- Each day's appointments and booked minutes by clinician and status,
-- kept by triggers as the diary changes: the DNA rate and utilisation
-- read a year of these (a few thousand rows) instead of the year's
-- appointments (100,000 at a busy clinic). Reading the appointments'
-- narrowest covering index for a year and the year before took some
-- 100 ms at a million appointments; this takes a tenth of it.
CREATE TABLE appointment_day_totals (
    date          TEXT NOT NULL,     -- YYYY-MM-DD, as appointments.date
    status        TEXT NOT NULL,
    clinician_id  TEXT NOT NULL,
    appointments  INTEGER NOT NULL,  -- may fall to 0 as appointments move
    minutes       INTEGER NOT NULL,  -- the sum of end_min - start_min
    PRIMARY KEY (date, status, clinician_id)
) WITHOUT ROWID;

INSERT INTO appointment_day_totals (date, status, clinician_id, appointments, minutes)
SELECT date, status, clinician_id, COUNT(*), SUM(end_min - start_min) FROM appointments GROUP BY date, status, clinician_id;

CREATE TRIGGER appointment_day_totals_insert AFTER INSERT ON appointments
BEGIN
    INSERT INTO appointment_day_totals (date, status, clinician_id, appointments, minutes)
    VALUES (NEW.date, NEW.status, NEW.clinician_id, 1, NEW.end_min - NEW.start_min)
    ON CONFLICT (date, status, clinician_id) DO UPDATE
    SET appointments = appointments + 1, minutes = minutes + excluded.minutes;
END;

CREATE TRIGGER appointment_day_totals_delete AFTER DELETE ON appointments
BEGIN
    UPDATE appointment_day_totals SET appointments = appointments - 1, minutes = minutes - (OLD.end_min - OLD.start_min)
    WHERE date = OLD.date AND status = OLD.status AND clinician_id = OLD.clinician_id;
END;

CREATE TRIGGER appointment_day_totals_update AFTER UPDATE OF date, status, clinician_id, start_min, end_min ON appointments
BEGIN
    UPDATE appointment_day_totals SET appointments = appointments - 1, minutes = minutes - (OLD.end_min - OLD.start_min)
    WHERE date = OLD.date AND status = OLD.status AND clinician_id = OLD.clinician_id;
    INSERT INTO appointment_day_totals (date, status, clinician_id, appointments, minutes)
    VALUES (NEW.date, NEW.status, NEW.clinician_id, 1, NEW.end_min - NEW.start_min)
    ON CONFLICT (date, status, clinician_id) DO UPDATE
    SET appointments = appointments + 1, minutes = minutes + excluded.minutes;
END;

-- Cancellations with what their lateness needs, and DNAs with their
-- patient (for the children not brought): small, as few rows are either.
CREATE INDEX appointments_cancelled ON appointments (date, status, clinician_id, start_min, status_at)
    WHERE status IN ('cancelled_patient', 'cancelled_clinic');
CREATE INDEX appointments_dna ON appointments (date, clinician_id, patient_id) WHERE status = 'dna';
-- Each DNA's patient's date of birth, from a narrow index rather than the
-- patient's whole row.
CREATE INDEX patients_id_dob ON patients (id, dob);
-- New patients by the day their record was made.
CREATE INDEX patients_created ON patients (created_at, status);
-- Referrals in by the day received, and where they came from.
CREATE INDEX referrals_received ON referrals (date, source, clinician_id) WHERE direction = 'in';
-- Waiting times: the first attended appointments and first treatments
-- of the range, whether each referral had one before, and when the
-- referral was received.
CREATE INDEX referral_events_kind ON referral_events (kind, on_date, referral_id);
CREATE INDEX referral_events_first ON referral_events (referral_id, kind, on_date);
CREATE INDEX referrals_waits ON referrals (id, direction, date, clinician_id);
-- Letters sent, by template.
CREATE INDEX letter_log_created ON letter_log (created_at, kind, template);
