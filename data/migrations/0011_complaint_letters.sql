-- The complaint letters printed (SPEC §2.4, §2.5): the acknowledgement,
-- the delay letter and the final response, kept so that each can be
-- printed again. content is what was printed (JSON, without the logo) and
-- sha256 is the PDF's hash, as in letter_log; but a complaint need not be
-- about a patient, and its file is kept apart from the clinical record, so
-- its letters live here, with the complaint, not on the patient's log.
--
-- A letter sent is part of the file's evidence, like the note that names
-- it: append-only like complaint_notes, and going with the complaint only
-- as its notes and history do (which today is never: nothing deletes a
-- complaint, and its history refuses deletion).
CREATE TABLE complaint_letters (
    id            TEXT PRIMARY KEY,   -- UUIDv7
    complaint_id  TEXT NOT NULL REFERENCES complaints (id),
    template      TEXT NOT NULL,      -- complaint_ack, complaint_delay, complaint_final
    title         TEXT NOT NULL,      -- "Acknowledgement letter"
    content       TEXT NOT NULL CHECK (json_valid(content)),
    sha256        TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    created_at    TEXT NOT NULL       -- UTC
);
CREATE INDEX complaint_letters_complaint ON complaint_letters (complaint_id, created_at);

CREATE TRIGGER complaint_letters_no_update BEFORE UPDATE ON complaint_letters
BEGIN
    SELECT RAISE(ABORT, 'a complaint letter that was printed cannot be changed');
END;

CREATE TRIGGER complaint_letters_no_delete BEFORE DELETE ON complaint_letters
BEGIN
    SELECT RAISE(ABORT, 'a complaint letter that was printed cannot be deleted');
END;
