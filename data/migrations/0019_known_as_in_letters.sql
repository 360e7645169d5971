-- Whether letters greet the patient by the name they are known by
-- (preferred_name) rather than by title and surname: 1 only when the
-- patient has asked for it. The envelope keeps the legal name. Neither the
-- patients_names triggers (0004) nor patients_diary (0007) name this
-- column, so both are unchanged.
ALTER TABLE patients ADD COLUMN known_as_in_letters INTEGER NOT NULL DEFAULT 0 CHECK (known_as_in_letters IN (0, 1));
