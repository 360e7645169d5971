-- Each referral keeps a summary of its clock (issue 17, SPEC §5): what its
-- events say on any day from the last of them on, as app/pathways'
-- Summarize reads it. It is a cache of the rules, written in the same
-- transaction as every event and referral added, so the tracking list and
-- Today read one row per pathway instead of every event.
--
-- clock_summary holds the whole summary in one text (data/referrals_summary.go
-- writes and reads it): a list of thousands is read as a few columns a row.
-- Beside it, what the queries choose by: the status (NULL: not summed up
-- yet, a file from before this migration, which the store fills when the
-- file is opened and a read meanwhile takes from the events; 'none': a
-- referral out), the treat-by date, the day of the last event, the day the
-- pathway left the list, and whether it is on the tracking list while open.
ALTER TABLE referrals ADD COLUMN clock_status TEXT CHECK (clock_status IN ('none', 'problem', 'running', 'stopped', 'nullified'));
ALTER TABLE referrals ADD COLUMN clock_breach TEXT NOT NULL DEFAULT '';     -- YYYY-MM-DD, the treat-by date
ALTER TABLE referrals ADD COLUMN clock_last_event TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN clock_left_on TEXT NOT NULL DEFAULT '';    -- transferred, or discharged after a DNA
ALTER TABLE referrals ADD COLUMN clock_summary TEXT NOT NULL DEFAULT '';
-- 1: a referral in the tracking list shows while it is open (a clock
-- still this clinic's to move, events to check, or a pathway with no
-- national clock).
ALTER TABLE referrals ADD COLUMN on_list INTEGER NOT NULL DEFAULT 0 CHECK (on_list IN (0, 1));

CREATE INDEX referrals_unsummarised ON referrals (id) WHERE clock_status IS NULL;
-- An open referral with an event after the day the list is read (the
-- computer's clock put back) shows on it, as its events cannot be read.
CREATE INDEX referrals_last_event ON referrals (clock_last_event) WHERE status <> 'closed';

-- The patient's name and NHS number as the list shows them, copied onto
-- each referral so the list reads nothing but the index below: at 100,000
-- patients, looking each one up read (and decrypted) thousands of pages a
-- look. Triggers keep the copy right in the transaction of every change:
-- a referral added or moved to another record (a merge), a name changed.
ALTER TABLE referrals ADD COLUMN patient_title TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN patient_forenames TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN patient_surname TEXT NOT NULL DEFAULT '';
ALTER TABLE referrals ADD COLUMN patient_nhs_number TEXT NOT NULL DEFAULT '';
UPDATE referrals SET (patient_title, patient_forenames, patient_surname, patient_nhs_number) =
    (SELECT p.title, p.forenames, p.surname, p.nhs_number FROM patients p WHERE p.id = referrals.patient_id);

CREATE TRIGGER referrals_patient_name_added AFTER INSERT ON referrals
BEGIN
    UPDATE referrals SET (patient_title, patient_forenames, patient_surname, patient_nhs_number) =
        (SELECT p.title, p.forenames, p.surname, p.nhs_number FROM patients p WHERE p.id = NEW.patient_id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER referrals_patient_name_moved AFTER UPDATE OF patient_id ON referrals
BEGIN
    UPDATE referrals SET (patient_title, patient_forenames, patient_surname, patient_nhs_number) =
        (SELECT p.title, p.forenames, p.surname, p.nhs_number FROM patients p WHERE p.id = NEW.patient_id)
    WHERE id = NEW.id;
END;

CREATE TRIGGER patients_name_on_referrals AFTER UPDATE OF title, forenames, surname, nhs_number ON patients
BEGIN
    UPDATE referrals SET patient_title = NEW.title, patient_forenames = NEW.forenames, patient_surname = NEW.surname,
        patient_nhs_number = NEW.nhs_number
    WHERE patient_id = NEW.id;
END;

-- The tracking list and Today's card: the open pathways on the list by
-- treat-by date, with every column the list reads, so it never reads the
-- referral's own (wide) row nor the patient's.
CREATE INDEX referrals_ptl ON referrals (clock_breach, clock_status, on_list, status, id, patient_id, date, urgency, kind,
    owner_id, clinician_id, direction, source, patient_nhs_number, clock_summary, patient_title, patient_forenames,
    patient_surname) WHERE on_list = 1 AND status <> 'closed';
