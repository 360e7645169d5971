-- The reports of issue 18 count a year of the diary, the register and the
-- letters log in SQL, grouped by week or month. Each reads an index that
-- holds the range and every column it counts, so a year at a million
-- appointments is a range scan of one narrow index, not of the table.

-- DNA rate, cancellations (whose lateness needs the row too, but only
-- for the cancelled ones) and booked minutes per clinician.
CREATE INDEX appointments_report ON appointments (date, status, clinician_id, start_min, end_min);
-- New patients by the day their record was made.
CREATE INDEX patients_created ON patients (created_at, status);
-- Referrals in by the day received, and where they came from.
CREATE INDEX referrals_received ON referrals (date, source, clinician_id) WHERE direction = 'in';
-- Waiting times: each referral's first attended appointment and first
-- treatment.
CREATE INDEX referral_events_kind ON referral_events (kind, referral_id, on_date);
-- Letters sent, by template.
CREATE INDEX letter_log_created ON letter_log (created_at, template);
