-- The day view shows each appointment's patient: name, date of birth, NHS
-- number, alerts and AIS needs. Read through patients_diary (0007), a busy
-- day of a clinic of 100,000 patients looked up some 400 patients at
-- random, a page each: more pages than SQLite's cache keeps, so every
-- look decrypted them again, and the day took about twice as long as on
-- an unencrypted copy (issue 15; `clinicdesk bench`, encrypted_vs_plain).
-- So those columns are copied onto each appointment and into the diary
-- index, beside the appointment's own: a day is then one short run of
-- pages. The copy costs about 40 bytes an appointment, twice (the table
-- and the index).
--
-- Triggers keep the copy right in the transaction of every change, as
-- 0023 does for referrals: an appointment added or moved to another
-- record (a merge), a patient's details changed.
ALTER TABLE appointments ADD COLUMN patient_forenames TEXT NOT NULL DEFAULT '';
ALTER TABLE appointments ADD COLUMN patient_surname TEXT NOT NULL DEFAULT '';
ALTER TABLE appointments ADD COLUMN patient_dob TEXT NOT NULL DEFAULT '';
ALTER TABLE appointments ADD COLUMN patient_nhs_number TEXT NOT NULL DEFAULT '';
ALTER TABLE appointments ADD COLUMN patient_alerts TEXT NOT NULL DEFAULT '[]';
ALTER TABLE appointments ADD COLUMN patient_ais_needs TEXT NOT NULL DEFAULT '[]';

-- The index is dropped first, so the copy is written once, not into it
-- too; the patients are read from their small index (0007), which the
-- migration's page cache holds, not from their wide rows.
DROP INDEX appointments_diary;
UPDATE appointments SET (patient_forenames, patient_surname, patient_dob, patient_nhs_number, patient_alerts, patient_ais_needs) =
    (SELECT p.forenames, p.surname, p.dob, p.nhs_number, p.alerts, p.ais_needs FROM patients p INDEXED BY patients_diary
     WHERE p.id = appointments.patient_id);
CREATE INDEX appointments_diary ON appointments (date, clinician_id, start_min, id, end_min, patient_id, type_id,
    room_id, status, status_at, status_by, cancel_reason, override_reason, series_id, moved_from, notes,
    created_at, created_by,
    patient_forenames, patient_surname, patient_dob, patient_nhs_number, patient_alerts, patient_ais_needs);

-- Only when the copy differs from the patient: the store's own inserts
-- fill it in the same statement (data/appointments.go), so this fires only
-- for a row written some other way, and never makes a row be written twice.
CREATE TRIGGER appointments_patient_added AFTER INSERT ON appointments
WHEN (NEW.patient_forenames, NEW.patient_surname, NEW.patient_dob, NEW.patient_nhs_number, NEW.patient_alerts, NEW.patient_ais_needs)
    IS NOT (SELECT p.forenames, p.surname, p.dob, p.nhs_number, p.alerts, p.ais_needs FROM patients p WHERE p.id = NEW.patient_id)
BEGIN
    UPDATE appointments SET (patient_forenames, patient_surname, patient_dob, patient_nhs_number, patient_alerts, patient_ais_needs) =
        (SELECT p.forenames, p.surname, p.dob, p.nhs_number, p.alerts, p.ais_needs FROM patients p WHERE p.id = NEW.patient_id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER appointments_patient_moved AFTER UPDATE OF patient_id ON appointments
BEGIN
    UPDATE appointments SET (patient_forenames, patient_surname, patient_dob, patient_nhs_number, patient_alerts, patient_ais_needs) =
        (SELECT p.forenames, p.surname, p.dob, p.nhs_number, p.alerts, p.ais_needs FROM patients p WHERE p.id = NEW.patient_id)
    WHERE id = NEW.id;
END;

-- An appointment's copy is put back if anything but these triggers changes
-- it, so it can never drift from the record.
CREATE TRIGGER appointments_patient_copy_kept
AFTER UPDATE OF patient_forenames, patient_surname, patient_dob, patient_nhs_number, patient_alerts, patient_ais_needs ON appointments
WHEN (NEW.patient_forenames, NEW.patient_surname, NEW.patient_dob, NEW.patient_nhs_number, NEW.patient_alerts, NEW.patient_ais_needs)
    IS NOT (SELECT p.forenames, p.surname, p.dob, p.nhs_number, p.alerts, p.ais_needs FROM patients p WHERE p.id = NEW.patient_id)
BEGIN
    SELECT RAISE(ABORT, 'an appointment''s copy of its patient''s details is kept by the patient record');
END;

CREATE TRIGGER patients_details_on_appointments
AFTER UPDATE OF forenames, surname, dob, nhs_number, alerts, ais_needs ON patients
WHEN (OLD.forenames, OLD.surname, OLD.dob, OLD.nhs_number, OLD.alerts, OLD.ais_needs)
    IS NOT (NEW.forenames, NEW.surname, NEW.dob, NEW.nhs_number, NEW.alerts, NEW.ais_needs)
BEGIN
    UPDATE appointments SET patient_forenames = NEW.forenames, patient_surname = NEW.surname, patient_dob = NEW.dob,
        patient_nhs_number = NEW.nhs_number, patient_alerts = NEW.alerts, patient_ais_needs = NEW.ais_needs
    WHERE patient_id = NEW.id;
END;
