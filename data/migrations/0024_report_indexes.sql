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
-- The patients who were children in a range, by date of birth, for the
-- DNAs that were children not brought.
CREATE INDEX patients_dob_id ON patients (dob, id);
-- New patients: the records made in each hour (UTC, "YYYY-MM-DDTHH" of
-- created_at), leaving out those merged into another, kept by triggers.
-- The clinic's days start on a UTC hour, summer or winter, so a year is
-- counted from at most 8,784 rows, however many patients were added (a
-- whole list imported on one day is 100,000 records).
CREATE TABLE patient_hour_counts (
    hour      TEXT PRIMARY KEY,
    patients  INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO patient_hour_counts (hour, patients)
SELECT substr(created_at, 1, 13), COUNT(*) FROM patients WHERE status <> 'merged' GROUP BY 1;

CREATE TRIGGER patient_hour_counts_insert AFTER INSERT ON patients WHEN NEW.status <> 'merged'
BEGIN
    INSERT INTO patient_hour_counts (hour, patients) VALUES (substr(NEW.created_at, 1, 13), 1)
    ON CONFLICT (hour) DO UPDATE SET patients = patients + 1;
END;

CREATE TRIGGER patient_hour_counts_delete AFTER DELETE ON patients WHEN OLD.status <> 'merged'
BEGIN
    UPDATE patient_hour_counts SET patients = patients - 1 WHERE hour = substr(OLD.created_at, 1, 13);
END;

CREATE TRIGGER patient_hour_counts_update AFTER UPDATE OF status, created_at ON patients
BEGIN
    UPDATE patient_hour_counts SET patients = patients - 1
    WHERE hour = substr(OLD.created_at, 1, 13) AND OLD.status <> 'merged';
    INSERT INTO patient_hour_counts (hour, patients) SELECT substr(NEW.created_at, 1, 13), 1 WHERE NEW.status <> 'merged'
    ON CONFLICT (hour) DO UPDATE SET patients = patients + 1;
END;
-- Referrals in by the day received, and where they came from.
CREATE INDEX referrals_received ON referrals (date, source, clinician_id) WHERE direction = 'in';
-- Waiting times: the first attended appointments and first treatments
-- of the range (and those before it, to leave out referrals that had
-- reached the milestone already), and when each referral was received.
CREATE INDEX referral_events_kind ON referral_events (kind, on_date, referral_id);
CREATE INDEX referrals_waits ON referrals (id, direction, date, clinician_id);
-- Letters sent, by template.
CREATE INDEX letter_log_created ON letter_log (created_at, kind, template);
