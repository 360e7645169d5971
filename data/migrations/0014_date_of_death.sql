-- A patient's date of death, YYYY-MM-DD or '' when not recorded. The
-- Records Management Code counts the retention of a deceased patient's
-- record from it, so it is a field of its own, not a note.
ALTER TABLE patients ADD COLUMN date_of_death TEXT NOT NULL DEFAULT '';
