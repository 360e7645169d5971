-- The reports of issue 18 count a year of the diary, the register and the
-- letters log in SQL, grouped by week or month. Each reads an index that
-- holds the range and every column it counts, so a year at a million
-- appointments is a range scan of one narrow index, not of the table.

-- Appointments due, for the DNA rate, and booked minutes per clinician,
-- grouped by day in the index's own order.
CREATE INDEX appointments_report ON appointments (date, status, clinician_id, start_min, end_min);
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
-- of the range.
CREATE INDEX referral_events_kind ON referral_events (kind, on_date, referral_id);
-- Letters sent, by template.
CREATE INDEX letter_log_created ON letter_log (created_at, kind, template);
