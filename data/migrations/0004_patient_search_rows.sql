-- Search as you type reads what a result row shows (names, date of birth,
-- NHS number, postcode, alerts, AIS needs, interpreter, status) from the name index
-- itself, so a keystroke's query never reaches the wide patients table:
-- at 100,000 patients each of those reads was a page to decrypt.
-- The copy lives in the same encrypted file and is kept in step by
-- triggers, inside the same transaction as the change.
DROP TRIGGER patients_names_insert;
DROP TRIGGER patients_names_update;
DROP TRIGGER patients_names_delete;
DROP TABLE patient_names;

CREATE VIRTUAL TABLE patient_names USING fts5 (
    names,
    id UNINDEXED,
    status UNINDEXED,
    title UNINDEXED,
    forenames UNINDEXED,
    surname UNINDEXED,
    preferred_name UNINDEXED,
    dob UNINDEXED,
    nhs_number UNINDEXED,
    postcode UNINDEXED,
    alerts UNINDEXED,
    ais_needs UNINDEXED,
    language UNINDEXED,
    interpreter UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

INSERT INTO patient_names (rowid, names, id, status, title, forenames, surname, preferred_name, dob, nhs_number,
    postcode, alerts, ais_needs, language, interpreter)
SELECT rowid, search_names, id, status, title, forenames, surname, preferred_name, dob, nhs_number,
    postcode, alerts, ais_needs, language, interpreter FROM patients;

CREATE TRIGGER patients_names_insert AFTER INSERT ON patients
BEGIN
    INSERT INTO patient_names (rowid, names, id, status, title, forenames, surname, preferred_name, dob, nhs_number,
        postcode, alerts, ais_needs, language, interpreter)
    VALUES (NEW.rowid, NEW.search_names, NEW.id, NEW.status, NEW.title, NEW.forenames, NEW.surname,
        NEW.preferred_name, NEW.dob, NEW.nhs_number, NEW.postcode, NEW.alerts, NEW.ais_needs, NEW.language, NEW.interpreter);
END;

CREATE TRIGGER patients_names_update AFTER UPDATE OF search_names, status, title, forenames, surname,
    preferred_name, dob, nhs_number, postcode, alerts, ais_needs, language, interpreter ON patients
BEGIN
    DELETE FROM patient_names WHERE rowid = OLD.rowid;
    INSERT INTO patient_names (rowid, names, id, status, title, forenames, surname, preferred_name, dob, nhs_number,
        postcode, alerts, ais_needs, language, interpreter)
    VALUES (NEW.rowid, NEW.search_names, NEW.id, NEW.status, NEW.title, NEW.forenames, NEW.surname,
        NEW.preferred_name, NEW.dob, NEW.nhs_number, NEW.postcode, NEW.alerts, NEW.ais_needs, NEW.language, NEW.interpreter);
END;

CREATE TRIGGER patients_names_delete AFTER DELETE ON patients
BEGIN
    DELETE FROM patient_names WHERE rowid = OLD.rowid;
END;

-- The patient list pages in name order after a given patient: this index
-- serves each page as a range, where the surname index alone made every
-- page sort all the patients after the cursor.
CREATE INDEX patients_list_order ON patients (status, surname COLLATE NOCASE, forenames, id);
