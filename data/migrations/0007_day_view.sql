-- The day view shows each appointment's patient (name, date of birth, NHS
-- number, alerts and AIS needs). Read from the wide patients table, each
-- of a day's several hundred appointments cost a random page; this
-- covering index holds just those columns, small enough to stay in the
-- page cache at 100,000 patients.
CREATE INDEX patients_diary ON patients (id, forenames, surname, dob, nhs_number, alerts, ais_needs);
